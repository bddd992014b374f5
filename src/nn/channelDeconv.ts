// Channel-only deconvolution (docs/algorithm.md §6): whitens activations across channels (no spatial patch),
// per block of B channels with a batch of D matrices; leftover channels (C mod B) share one
// scalar mean and variance. Applied explicitly to the activations; no trainable parameters.
// With `strided`, the grouping of the reference's ChannelDeconv instead: B channels taken C / B apart
// form one vector, and one D (pooled over the C / B offsets) whitens them all.
import * as tf from '@tensorflow/tfjs-core';
import { everyNth } from './conv';
import type { ForwardContext, Layer } from './layer';
import { RunningWhitening, whiteningMatrix, type DeconvLayerSettings } from './whitening';

export interface ChannelDeconvOptions {
  name: string;
  channels: number;
  settings: DeconvLayerSettings;
  /** The reference's grouping: vectors of B channels spaced floor(C / B) apart, one pooled D. */
  strided?: boolean;
}

export class ChannelDeconv implements Layer {
  readonly name: string;
  readonly block: number;
  readonly groups: number;
  readonly leftover: number;
  readonly settings: DeconvLayerSettings;
  readonly running: RunningWhitening;
  readonly runningLeftoverMean: tf.Variable<tf.Rank.R0>;
  readonly runningLeftoverVar: tf.Variable<tf.Rank.R0>;
  private readonly channels: number;
  private readonly strided: boolean;

  constructor(opts: ChannelDeconvOptions) {
    this.name = opts.name;
    this.settings = opts.settings;
    this.channels = opts.channels;
    this.block = Math.min(opts.settings.block, opts.channels);
    this.groups = Math.floor(opts.channels / this.block);
    this.leftover = opts.channels - this.groups * this.block;
    this.strided = opts.strided ?? false;
    this.running = new RunningWhitening(this.strided ? 1 : this.groups, this.block);
    this.runningLeftoverMean = tf.tidy(() => tf.variable(tf.scalar(0), false)) as tf.Variable<tf.Rank.R0>;
    this.runningLeftoverVar = tf.tidy(() => tf.variable(tf.scalar(1), false)) as tf.Variable<tf.Rank.R0>;
  }

  /** Rows of channel vectors used for statistics: every S-th pixel in each direction. */
  private sampledRows(x: tf.Tensor): tf.Tensor2D {
    const s = this.settings.samplingStride;
    if (x.rank === 4 && s > 1) {
      const [, h, w] = x.shape;
      const rows = Math.ceil(h / s);
      const cols = Math.ceil(w / s);
      const padded = tf.pad(x as tf.Tensor4D, [
        [0, 0],
        [0, rows * s - h],
        [0, cols * s - w],
        [0, 0],
      ]);
      return tf.reshape(everyNth(padded, 0, 0, s, rows, cols), [-1, this.channels]) as tf.Tensor2D;
    }
    return tf.reshape(x, [-1, this.channels]) as tf.Tensor2D;
  }

  /** Whitened channels of [rows, C] as vectors to whiten: [statistics groups, vectors, block]. */
  private vectorsOf(rows: tf.Tensor2D): tf.Tensor3D {
    const count = rows.shape[0];
    const main = tf.slice(rows, [0, 0], [count, this.groups * this.block]);
    if (this.strided) {
      // Channel g·groups + j is element g of vector j: [count, block, groups] -> [count, groups, block].
      const spaced = tf.transpose(tf.reshape(main, [count, this.block, this.groups]), [0, 2, 1]);
      return tf.reshape(spaced, [1, count * this.groups, this.block]) as tf.Tensor3D;
    }
    return tf.transpose(tf.reshape(main, [count, this.groups, this.block]), [1, 0, 2]) as tf.Tensor3D;
  }

  /** Inverse of `vectorsOf`: [statistics groups, vectors, block] -> [rows, groups·block]. */
  private channelsOf(vectors: tf.Tensor3D, count: number): tf.Tensor2D {
    if (this.strided) {
      const spaced = tf.reshape(vectors, [count, this.groups, this.block]);
      return tf.reshape(tf.transpose(spaced, [0, 2, 1]), [count, this.groups * this.block]) as tf.Tensor2D;
    }
    return tf.reshape(tf.transpose(vectors, [1, 0, 2]), [count, this.groups * this.block]) as tf.Tensor2D;
  }

  batchStatistics(x: tf.Tensor): { mean: tf.Tensor2D; cov: tf.Tensor3D; leftoverMean: tf.Scalar; leftoverVar: tf.Scalar } {
    return tf.tidy(() => {
      const rows = this.sampledRows(x);
      const count = rows.shape[0];
      const grouped = this.vectorsOf(rows);
      const mean = tf.mean(grouped, 1, true);
      const centred = tf.sub(grouped, mean) as tf.Tensor3D;
      const cov = tf.div(tf.matMul(centred, centred, true, false), grouped.shape[1]) as tf.Tensor3D;
      let leftoverMean = tf.scalar(0);
      let leftoverVar = tf.scalar(1);
      if (this.leftover > 0) {
        const rest = tf.slice(rows, [0, this.groups * this.block], [count, this.leftover]);
        const moments = tf.moments(rest);
        leftoverMean = moments.mean as tf.Scalar;
        leftoverVar = moments.variance as tf.Scalar;
      }
      return { mean: tf.squeeze(mean, [1]) as tf.Tensor2D, cov, leftoverMean, leftoverVar };
    });
  }

  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    return tf.tidy(() => {
      const plan = this.running.plan(ctx.training, this.settings.freezeIters, ctx.step);
      this.running.countPass(ctx.training, ctx.step);
      let mean: tf.Tensor2D = this.running.mean;
      let isqrt: tf.Tensor3D = this.running.isqrt;
      let leftoverMean: tf.Scalar = this.runningLeftoverMean;
      let leftoverVar: tf.Scalar = this.runningLeftoverVar;
      if (plan.update || plan.useBatch) {
        const stats = this.batchStatistics(x);
        const d = whiteningMatrix(stats.cov, this.settings.eps, this.settings.iters, this.settings.isqrtGradient);
        if (plan.update) {
          const m = this.settings.momentum;
          this.running.update(stats.mean, d, m);
          this.runningLeftoverMean.assign(tf.add(tf.mul(this.runningLeftoverMean, 1 - m), tf.mul(stats.leftoverMean, m)) as tf.Scalar);
          this.runningLeftoverVar.assign(tf.add(tf.mul(this.runningLeftoverVar, 1 - m), tf.mul(stats.leftoverVar, m)) as tf.Scalar);
        }
        if (plan.useBatch) {
          mean = stats.mean;
          isqrt = d;
          leftoverMean = stats.leftoverMean;
          leftoverVar = stats.leftoverVar;
        }
      }
      const flat = tf.reshape(x, [-1, this.channels]) as tf.Tensor2D;
      const pixels = flat.shape[0];
      const grouped = this.vectorsOf(flat);
      // Row vectors: (x - m) D^T per group.
      const white = tf.matMul(tf.sub(grouped, tf.expandDims(mean, 1)) as tf.Tensor3D, isqrt, false, true);
      const parts: tf.Tensor[] = [this.channelsOf(white as tf.Tensor3D, pixels)];
      if (this.leftover > 0) {
        const rest = tf.slice(flat, [0, this.groups * this.block], [pixels, this.leftover]);
        parts.push(tf.div(tf.sub(rest, leftoverMean), tf.sqrt(tf.add(leftoverVar, this.settings.eps))));
      }
      return tf.reshape(parts.length === 1 ? parts[0] : tf.concat(parts, 1), x.shape);
    });
  }

  trainableVariables(): tf.Variable[] {
    return [];
  }

  stateVariables(): tf.Variable[] {
    return [...this.running.variables(), this.runningLeftoverMean, this.runningLeftoverVar];
  }

  dispose(): void {
    this.running.dispose();
    this.runningLeftoverMean.dispose();
    this.runningLeftoverVar.dispose();
  }
}
