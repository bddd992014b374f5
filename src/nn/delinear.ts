// Dense layer with network deconvolution folded in (spec §6, "Delinear"): the input features are
// cut into contiguous chunks of B (gcd rule), chunk statistics give mean and D, and the layer
// multiplies by W' = W·D per chunk with bias b' = b - Σ W'·mean.
import * as tf from '@tensorflow/tfjs-core';
import { resolveBlock } from './blocks';
import { constantVariable, heUniformVariable } from './init';
import type { ForwardContext, Layer } from './layer';
import { foldWeights, RunningWhitening, statisticsForPass, whitenFeatureBlocks, whiteningMatrix, type DeconvLayerSettings } from './whitening';

export interface DelinearOptions {
  name: string;
  inFeatures: number;
  outFeatures: number;
  settings: DeconvLayerSettings;
  seed: number;
}

export class Delinear implements Layer {
  readonly name: string;
  readonly block: number;
  readonly groups: number;
  readonly settings: DeconvLayerSettings;
  readonly weight: tf.Variable<tf.Rank.R2>;
  readonly bias: tf.Variable<tf.Rank.R1>;
  readonly running: RunningWhitening;
  private readonly outFeatures: number;

  constructor(opts: DelinearOptions) {
    this.name = opts.name;
    this.settings = opts.settings;
    this.outFeatures = opts.outFeatures;
    this.block = resolveBlock(opts.settings.block, opts.inFeatures);
    this.groups = opts.inFeatures / this.block;
    this.weight = heUniformVariable(opts.seed, opts.name, [opts.inFeatures, opts.outFeatures], opts.inFeatures) as tf.Variable<tf.Rank.R2>;
    this.bias = constantVariable([opts.outFeatures], 0) as tf.Variable<tf.Rank.R1>;
    this.running = new RunningWhitening(opts.settings.blockMode === 'pooled' ? 1 : this.groups, this.block);
  }

  /** Chunk statistics: mean [g, B], covariance [g, B, B] (no eps). */
  batchStatistics(x: tf.Tensor2D): { mean: tf.Tensor2D; cov: tf.Tensor3D } {
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

  folded(mean: tf.Tensor2D, isqrt: tf.Tensor3D): { w: tf.Tensor2D; b: tf.Tensor1D } {
    const layout = { taps: 1, groups: this.groups, block: this.block, out: this.outFeatures };
    const { w, b } = foldWeights(this.weight, layout, isqrt, mean, this.bias);
    return { w: w as tf.Tensor2D, b };
  }

  forward(input: tf.Tensor, ctx: ForwardContext): tf.Tensor2D {
    const x = input as tf.Tensor2D;
    return tf.tidy(() => {
      const { mean, isqrt } = statisticsForPass(this.running, this.settings, ctx, () => this.batchStatistics(x));
      // Same product either way; whitening the rows is cheaper than folding when batch < outputs.
      if (isqrt.shape[0] === 1 && x.shape[0] < this.outFeatures) {
        return tf.add(tf.matMul(whitenFeatureBlocks(x, isqrt, mean, this.block), this.weight), this.bias) as tf.Tensor2D;
      }
      const { w, b } = this.folded(mean, isqrt);
      return tf.add(tf.matMul(x, w), b) as tf.Tensor2D;
    });
  }

  /** Input-layer mode: statistics from a data sample, frozen. */
  setStatisticsFromData(sample: tf.Tensor2D): void {
    tf.tidy(() => {
      const stats = this.batchStatistics(sample);
      this.running.setFromData(stats.mean, whiteningMatrix(stats.cov, this.settings.eps, this.settings.iters));
    });
  }

  /** Effective weights W·D from the running statistics, [in, out]. */
  effectiveWeight(): tf.Tensor2D {
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
