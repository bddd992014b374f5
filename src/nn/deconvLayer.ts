// What the two folded deconvolution layers (DeconvConv2d, Delinear) share: a weight whose input
// side splits into taps x channel blocks, a bias, running whitening statistics, and the fold
// W' = W·D, b' = b - W'·mean. A subclass says only how it gathers batch statistics and how it
// applies the folded weights.
import * as tf from '@tensorflow/tfjs-core';
import { resolveBlock } from './blocks';
import { constantVariable, heUniformVariable } from './init';
import type { ForwardContext, Layer } from './layer';
import { foldWeights, RunningWhitening, whiteningMatrix, type DeconvLayerSettings } from './whitening';

export interface DeconvLayerShape {
  name: string;
  /** Input channels (conv) or features (dense). */
  inputs: number;
  outputs: number;
  /** Spatial taps per input channel: k·k for a convolution, 1 for a dense layer. */
  taps: number;
  /** The weight's shape; it flattens in (tap, channel, output) order. */
  weightShape: number[];
  settings: DeconvLayerSettings;
  seed: number;
}

export interface BatchStatistics {
  /** [g, n]: g = 1 pooled, one row per block otherwise. */
  mean: tf.Tensor2D;
  /** [g, n, n], without eps. */
  cov: tf.Tensor3D;
}

/** R: rank of the weight (4 for a convolution's [k, k, C, out], 2 for a dense [in, out]); X: the input. */
export abstract class DeconvLayer<R extends tf.Rank, X extends tf.Tensor> implements Layer {
  readonly name: string;
  readonly block: number;
  readonly groups: number;
  readonly settings: DeconvLayerSettings;
  readonly weight: tf.Variable<R>;
  readonly bias: tf.Variable<tf.Rank.R1>;
  readonly running: RunningWhitening;
  protected readonly outputs: number;
  private readonly taps: number;

  protected constructor(shape: DeconvLayerShape) {
    this.name = shape.name;
    this.settings = shape.settings;
    this.outputs = shape.outputs;
    this.taps = shape.taps;
    this.block = resolveBlock(shape.settings.block, shape.inputs);
    this.groups = shape.inputs / this.block;
    this.weight = heUniformVariable(shape.seed, shape.name, shape.weightShape, shape.taps * shape.inputs) as tf.Variable<R>;
    this.bias = constantVariable([shape.outputs], 0) as tf.Variable<tf.Rank.R1>;
    this.running = new RunningWhitening(shape.settings.blockMode === 'pooled' ? 1 : this.groups, shape.taps * this.block);
  }

  /** This batch's whitening statistics. */
  abstract batchStatistics(x: X): BatchStatistics;

  abstract forward(input: tf.Tensor, ctx: ForwardContext): tf.Tensor;

  /** Folded weights (same shape as `weight`) and bias for given statistics. */
  folded(mean: tf.Tensor2D, isqrt: tf.Tensor3D): { w: tf.Tensor<R>; b: tf.Tensor1D } {
    const layout = { taps: this.taps, groups: this.groups, block: this.block, out: this.outputs };
    const { w, b } = foldWeights(this.weight, layout, isqrt, mean, this.bias);
    return { w: w as tf.Tensor<R>, b };
  }

  /** Input-layer mode: statistics computed once from data (e.g. a sample of the training set) and frozen. */
  setStatisticsFromData(sample: X): void {
    tf.tidy(() => {
      const stats = this.batchStatistics(sample);
      this.running.setFromData(stats.mean, whiteningMatrix(stats.cov, this.settings.eps, this.settings.iters));
    });
  }

  /** Effective weights W·D from the running statistics, in the weight's shape. */
  effectiveWeight(): tf.Tensor<R> {
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
