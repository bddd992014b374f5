// Convolution with network deconvolution folded in (spec §§2-5, "FastDeconv"): statistics of the
// input patches give mean and D = Cov^(-1/2); the layer convolves x with W' = W·D and adds
// b' = b - W'·mean, which equals convolving the centred, whitened patches with W.
import * as tf from '@tensorflow/tfjs-core';
import { patchCovariance } from '../core/ops';
import { resolveBlock } from './blocks';
import { conv2d } from './conv';
import { constantVariable, heUniformVariable } from './init';
import type { ForwardContext, Layer } from './layer';
import { foldWeights, RunningWhitening, statisticsForPass, whiteningMatrix, type DeconvLayerSettings } from './whitening';

export interface DeconvConv2dOptions {
  name: string;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride?: number;
  padding: 'same' | 'valid';
  settings: DeconvLayerSettings;
  seed: number;
}

export class DeconvConv2d implements Layer {
  readonly name: string;
  readonly kernel: number;
  readonly stride: number;
  readonly padding: 'same' | 'valid';
  readonly block: number;
  readonly groups: number;
  /** Patch length per block, k·k·B. */
  readonly n: number;
  readonly settings: DeconvLayerSettings;
  readonly weight: tf.Variable<tf.Rank.R4>;
  readonly bias: tf.Variable<tf.Rank.R1>;
  readonly running: RunningWhitening;
  private readonly outChannels: number;

  constructor(opts: DeconvConv2dOptions) {
    this.name = opts.name;
    this.kernel = opts.kernel;
    this.stride = opts.stride ?? 1;
    this.padding = opts.padding;
    this.settings = opts.settings;
    this.outChannels = opts.outChannels;
    this.block = resolveBlock(opts.settings.block, opts.inChannels);
    this.groups = opts.inChannels / this.block;
    this.n = this.kernel * this.kernel * this.block;
    const k = this.kernel;
    this.weight = heUniformVariable(opts.seed, opts.name, [k, k, opts.inChannels, opts.outChannels], k * k * opts.inChannels) as tf.Variable<tf.Rank.R4>;
    this.bias = constantVariable([opts.outChannels], 0) as tf.Variable<tf.Rank.R1>;
    this.running = new RunningWhitening(opts.settings.blockMode === 'pooled' ? 1 : this.groups, this.n);
  }

  /** Batch statistics: mean [g, n] and covariance [g, n, n] (g = 1 pooled, G per-block; no eps). */
  batchStatistics(x: tf.Tensor4D): { mean: tf.Tensor2D; cov: tf.Tensor3D } {
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

  /** Folded weights [k, k, C, out] and bias for given statistics. */
  folded(mean: tf.Tensor2D, isqrt: tf.Tensor3D): { w: tf.Tensor4D; b: tf.Tensor1D } {
    const layout = { taps: this.kernel * this.kernel, groups: this.groups, block: this.block, out: this.outChannels };
    const { w, b } = foldWeights(this.weight, layout, isqrt, mean, this.bias);
    return { w: w as tf.Tensor4D, b };
  }

  forward(input: tf.Tensor, ctx: ForwardContext): tf.Tensor4D {
    const x = input as tf.Tensor4D;
    return tf.tidy(() => {
      const { mean, isqrt } = statisticsForPass(this.running, this.settings, ctx, () => this.batchStatistics(x));
      const { w, b } = this.folded(mean, isqrt);
      return tf.add(conv2d(x, w, this.stride, this.padding), b) as tf.Tensor4D;
    });
  }

  /** Input-layer mode: statistics computed once from data (e.g. a sample of the training set) and frozen. */
  setStatisticsFromData(sample: tf.Tensor4D): void {
    tf.tidy(() => {
      const stats = this.batchStatistics(sample);
      this.running.setFromData(stats.mean, whiteningMatrix(stats.cov, this.settings.eps, this.settings.iters));
    });
  }

  /** Effective filters W·D from the running statistics, [k, k, C, out]. */
  effectiveWeight(): tf.Tensor4D {
    return tf.tidy(() => this.folded(this.running.mean, this.running.isqrt).w);
  }

  trainableVariables(): tf.Variable[] {
    return [this.weight, this.bias];
  }

  stateVariables(): tf.Variable[] {
    return this.running.variables();
  }

  dispose(): void {
    this.weight.dispose();
    this.bias.dispose();
    this.running.dispose();
  }
}
