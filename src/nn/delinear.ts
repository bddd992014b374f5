// Dense layer with network deconvolution folded in (docs/algorithm.md §6, "Delinear"): the input features are
// cut into contiguous chunks of B (gcd rule), chunk statistics give mean and D, and the layer
// multiplies by W' = W·D per chunk with bias b' = b - Σ W'·mean.
import * as tf from '@tensorflow/tfjs-core';
import type { DenseGeometry } from './conv';
import { DeconvLayer, type BatchStatistics } from './deconvLayer';
import type { ForwardContext } from './layer';
import { statisticsForPass, whitenFeatureBlocks, type DeconvLayerSettings } from './whitening';

export interface DelinearOptions extends DenseGeometry {
  settings: DeconvLayerSettings;
  seed: number;
}

export class Delinear extends DeconvLayer<tf.Rank.R2, tf.Tensor2D> {
  constructor(opts: DelinearOptions) {
    super({
      name: opts.name,
      inputs: opts.inFeatures,
      outputs: opts.outFeatures,
      taps: 1,
      weightShape: [opts.inFeatures, opts.outFeatures],
      settings: opts.settings,
      seed: opts.seed,
    });
  }

  /** Chunk statistics: mean [g, B], covariance [g, B, B] (no eps). */
  batchStatistics(x: tf.Tensor2D): BatchStatistics {
    return tf.tidy(() => {
      const batch = x.shape[0];
      const rows =
        this.settings.blockMode === 'pooled'
          ? tf.reshape(x, [1, batch * this.groups, this.block])
          : tf.transpose(tf.reshape(x, [batch, this.groups, this.block]), [1, 0, 2]);
      const count = rows.shape[1] as number;
      const mean = tf.mean(rows, 1, true);
      const centred = tf.sub(rows, mean) as tf.Tensor3D;
      const cov = tf.div(tf.matMul(centred, centred, true, false), count) as tf.Tensor3D;
      return { mean: tf.squeeze(mean, [1]) as tf.Tensor2D, cov };
    });
  }

  forward(input: tf.Tensor, ctx: ForwardContext): tf.Tensor2D {
    const x = input as tf.Tensor2D;
    return tf.tidy(() => {
      const { mean, isqrt } = statisticsForPass(this.running, this.settings, ctx, () => this.batchStatistics(x));
      // Same product either way; whitening the rows is cheaper than folding when batch < outputs.
      if (isqrt.shape[0] === 1 && x.shape[0] < this.outputs) {
        return tf.add(tf.matMul(whitenFeatureBlocks(x, isqrt, mean, this.block), this.weight), this.bias) as tf.Tensor2D;
      }
      const { w, b } = this.folded(mean, isqrt);
      return tf.add(tf.matMul(x, w), b) as tf.Tensor2D;
    });
  }
}
