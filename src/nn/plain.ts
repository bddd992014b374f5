// Plain convolution and dense layers (batch-norm and no-normalisation variants), plus pooling.
import * as tf from '@tensorflow/tfjs-core';
import { conv2d } from './conv';
import { constantVariable, heUniformVariable } from './init';
import type { ForwardContext, Layer } from './layer';

export interface Conv2dOptions {
  name: string;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride?: number;
  padding: 'same' | 'valid';
  /** Batch-norm variants drop the bias (the norm's beta replaces it). */
  useBias: boolean;
  seed: number;
}

export class Conv2d implements Layer {
  readonly name: string;
  readonly stride: number;
  readonly padding: 'same' | 'valid';
  readonly weight: tf.Variable<tf.Rank.R4>;
  readonly bias?: tf.Variable<tf.Rank.R1>;

  constructor(opts: Conv2dOptions) {
    const k = opts.kernel;
    this.name = opts.name;
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding;
    this.weight = heUniformVariable(opts.seed, opts.name, [k, k, opts.inChannels, opts.outChannels], k * k * opts.inChannels) as tf.Variable<tf.Rank.R4>;
    if (opts.useBias) this.bias = constantVariable([opts.outChannels], 0) as tf.Variable<tf.Rank.R1>;
  }

  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor4D {
    return tf.tidy(() => {
      const y = conv2d(x as tf.Tensor4D, this.weight, this.stride, this.padding);
      return this.bias ? (tf.add(y, this.bias) as tf.Tensor4D) : y;
    });
  }

  trainableVariables(): tf.Variable[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  stateVariables(): tf.Variable[] {
    return [];
  }

  dispose(): void {
    this.weight.dispose();
    this.bias?.dispose();
  }
}

export interface DenseOptions {
  name: string;
  inFeatures: number;
  outFeatures: number;
  useBias: boolean;
  seed: number;
}

export class Dense implements Layer {
  readonly name: string;
  readonly weight: tf.Variable<tf.Rank.R2>;
  readonly bias?: tf.Variable<tf.Rank.R1>;

  constructor(opts: DenseOptions) {
    this.name = opts.name;
    this.weight = heUniformVariable(opts.seed, opts.name, [opts.inFeatures, opts.outFeatures], opts.inFeatures) as tf.Variable<tf.Rank.R2>;
    if (opts.useBias) this.bias = constantVariable([opts.outFeatures], 0) as tf.Variable<tf.Rank.R1>;
  }

  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor2D {
    return tf.tidy(() => {
      const y = tf.matMul(x as tf.Tensor2D, this.weight) as tf.Tensor2D;
      return this.bias ? (tf.add(y, this.bias) as tf.Tensor2D) : y;
    });
  }

  trainableVariables(): tf.Variable[] {
    return this.bias ? [this.weight, this.bias] : [this.weight];
  }

  stateVariables(): tf.Variable[] {
    return [];
  }

  dispose(): void {
    this.weight.dispose();
    this.bias?.dispose();
  }
}

export function maxPool2(x: tf.Tensor): tf.Tensor4D {
  return tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid');
}

export function globalAveragePool(x: tf.Tensor): tf.Tensor2D {
  return tf.mean(x, [1, 2]) as tf.Tensor2D;
}

export function flatten(x: tf.Tensor): tf.Tensor2D {
  return tf.reshape(x, [x.shape[0], -1]) as tf.Tensor2D;
}
