// Batch normalisation over every axis but the last (BatchNorm2d for NHWC, BatchNorm1d for [N, F]).
// Running mean/variance with momentum 0.1 (biased batch variance); eval mode uses running values.
import * as tf from '@tensorflow/tfjs-core';
import { constantVariable } from './init';
import type { ForwardContext, Layer } from './layer';

export interface BatchNormOptions {
  name: string;
  channels: number;
  eps?: number;
  momentum?: number;
}

export class BatchNorm implements Layer {
  readonly name: string;
  readonly eps: number;
  readonly momentum: number;
  readonly gamma: tf.Variable<tf.Rank.R1>;
  readonly beta: tf.Variable<tf.Rank.R1>;
  readonly runningMean: tf.Variable<tf.Rank.R1>;
  readonly runningVar: tf.Variable<tf.Rank.R1>;

  constructor(opts: BatchNormOptions) {
    this.name = opts.name;
    this.eps = opts.eps ?? 1e-5;
    this.momentum = opts.momentum ?? 0.1;
    this.gamma = constantVariable([opts.channels], 1) as tf.Variable<tf.Rank.R1>;
    this.beta = constantVariable([opts.channels], 0) as tf.Variable<tf.Rank.R1>;
    this.runningMean = constantVariable([opts.channels], 0, false) as tf.Variable<tf.Rank.R1>;
    this.runningVar = constantVariable([opts.channels], 1, false) as tf.Variable<tf.Rank.R1>;
  }

  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      let mean: tf.Tensor = this.runningMean;
      let variance: tf.Tensor = this.runningVar;
      if (ctx.training) {
        const axes = Array.from({ length: x.rank - 1 }, (_, i) => i);
        const moments = tf.moments(x, axes);
        mean = moments.mean;
        variance = moments.variance;
        const m = this.momentum;
        this.runningMean.assign(tf.add(tf.mul(this.runningMean, 1 - m), tf.mul(mean, m)) as tf.Tensor1D);
        this.runningVar.assign(tf.add(tf.mul(this.runningVar, 1 - m), tf.mul(variance, m)) as tf.Tensor1D);
      }
      const scale = tf.mul(this.gamma, tf.rsqrt(tf.add(variance, this.eps)));
      return tf.add(tf.mul(tf.sub(x, mean), scale), this.beta);
    });
  }

  trainableVariables(): tf.Variable[] {
    return [this.gamma, this.beta];
  }

  stateVariables(): tf.Variable[] {
    return [this.runningMean, this.runningVar];
  }

  dispose(): void {
    for (const v of [this.gamma, this.beta, this.runningMean, this.runningVar]) v.dispose();
  }
}
