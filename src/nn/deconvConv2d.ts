// Convolution with network deconvolution folded in (docs/algorithm.md §§2-5, "FastDeconv"): statistics of the
// input patches give mean and D = Cov^(-1/2); the layer convolves x with W' = W·D and adds
// b' = b - W'·mean, which equals convolving the centred, whitened patches with W.
import * as tf from '@tensorflow/tfjs-core';
import { patchCovariance } from '../core/ops';
import { conv2d, type ConvGeometry } from './conv';
import { DeconvLayer, type BatchStatistics } from './deconvLayer';
import type { ForwardContext } from './layer';
import { statisticsForPass, type DeconvLayerSettings } from './whitening';

export interface DeconvConv2dOptions extends ConvGeometry {
  settings: DeconvLayerSettings;
  seed: number;
}

export class DeconvConv2d extends DeconvLayer<tf.Rank.R4, tf.Tensor4D> {
  readonly kernel: number;
  readonly stride: number;
  readonly padding: 'same' | 'valid';
  /** Patch length per block, k·k·B. */
  readonly n: number;

  constructor(opts: DeconvConv2dOptions) {
    const k = opts.kernel;
    super({
      name: opts.name,
      inputs: opts.inChannels,
      outputs: opts.outChannels,
      taps: k * k,
      weightShape: [k, k, opts.inChannels, opts.outChannels],
      settings: opts.settings,
      seed: opts.seed,
    });
    this.kernel = k;
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding;
    this.n = k * k * this.block;
  }

  /** Batch statistics: mean [g, n] and covariance [g, n, n] (g = 1 pooled, G per-block; no eps). */
  batchStatistics(x: tf.Tensor4D): BatchStatistics {
    return tf.tidy(() => {
      const opts = { kernel: this.kernel, samplingStride: this.settings.samplingStride * this.stride, padding: this.padding };
      const [batch, height, width] = x.shape;
      if (this.settings.blockMode === 'pooled') {
        // Every block's patches become extra rows of one patch matrix (blocks moved into the batch axis).
        const stacked =
          this.groups === 1
            ? x
            : (tf.reshape(tf.transpose(tf.reshape(x, [batch, height, width, this.groups, this.block]), [3, 0, 1, 2, 4]), [
                this.groups * batch,
                height,
                width,
                this.block,
              ]) as tf.Tensor4D);
        const stats = patchCovariance(stacked, opts);
        return { mean: tf.expandDims(stats.mean, 0) as tf.Tensor2D, cov: tf.expandDims(stats.cov, 0) as tf.Tensor3D };
      }
      const means: tf.Tensor1D[] = [];
      const covs: tf.Tensor2D[] = [];
      for (let g = 0; g < this.groups; g += 1) {
        const slice = tf.slice(x, [0, 0, 0, g * this.block], [batch, height, width, this.block]);
        const stats = patchCovariance(slice, opts);
        means.push(stats.mean);
        covs.push(stats.cov);
      }
      return { mean: tf.stack(means) as tf.Tensor2D, cov: tf.stack(covs) as tf.Tensor3D };
    });
  }

  forward(input: tf.Tensor, ctx: ForwardContext): tf.Tensor4D {
    const x = input as tf.Tensor4D;
    return tf.tidy(() => {
      const { mean, isqrt } = statisticsForPass(this.running, this.settings, ctx, () => this.batchStatistics(x));
      const { w, b } = this.folded(mean, isqrt);
      return tf.add(conv2d(x, w, this.stride, this.padding), b) as tf.Tensor4D;
    });
  }
}
