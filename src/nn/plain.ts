// Plain convolution and dense layers (batch-norm and no-normalisation variants), plus pooling.
import * as tf from '@tensorflow/tfjs-core';
import { conv2d, type ConvGeometry, type DenseGeometry } from './conv';
import { constantVariable, heUniformVariable } from './init';
import type { ForwardContext, Layer } from './layer';

/** A weight (He-uniform), an optional bias and a product; no state. */
abstract class PlainLayer<R extends tf.Rank> implements Layer {
  readonly name: string;
  readonly weight: tf.Variable<R>;
  readonly bias?: tf.Variable<tf.Rank.R1>;

  protected constructor(name: string, weightShape: number[], fanIn: number, useBias: boolean, seed: number) {
    this.name = name;
    this.weight = heUniformVariable(seed, name, weightShape, fanIn) as tf.Variable<R>;
    if (useBias) this.bias = constantVariable([weightShape[weightShape.length - 1]], 0) as tf.Variable<tf.Rank.R1>;
  }

  /** x times the weight (convolution or matrix product), before the bias. */
  protected abstract product(x: tf.Tensor): tf.Tensor<R>;

  forward(x: tf.Tensor, _ctx: ForwardContext): tf.Tensor<R> {
    return tf.tidy(() => {
      const y = this.product(x);
      return this.bias ? (tf.add(y, this.bias) as tf.Tensor<R>) : y;
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

export interface Conv2dOptions extends ConvGeometry {
  /** Batch-norm variants drop the bias (the norm's beta replaces it). */
  useBias: boolean;
  seed: number;
}

export class Conv2d extends PlainLayer<tf.Rank.R4> {
  readonly stride: number;
  readonly padding: 'same' | 'valid';

  constructor(opts: Conv2dOptions) {
    const k = opts.kernel;
    super(opts.name, [k, k, opts.inChannels, opts.outChannels], k * k * opts.inChannels, opts.useBias, opts.seed);
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding;
  }

  protected product(x: tf.Tensor): tf.Tensor4D {
    return conv2d(x as tf.Tensor4D, this.weight, this.stride, this.padding);
  }
}

export interface DenseOptions extends DenseGeometry {
  useBias: boolean;
  seed: number;
}

export class Dense extends PlainLayer<tf.Rank.R2> {
  constructor(opts: DenseOptions) {
    super(opts.name, [opts.inFeatures, opts.outFeatures], opts.inFeatures, opts.useBias, opts.seed);
  }

  protected product(x: tf.Tensor): tf.Tensor2D {
    return tf.matMul(x as tf.Tensor2D, this.weight);
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
