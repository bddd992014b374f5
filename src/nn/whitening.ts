// Shared machinery of the deconvolution layers (docs/algorithm.md §§3-5): eps + Newton–Schulz, the fold
// W' = W·D, b' = b - W'·mean, and running mean / running D with momentum and the freeze option.
import * as tf from '@tensorflow/tfjs-core';
import { batchedIsqrt, type IsqrtGradient } from '../core/ops';
import type { ForwardContext } from './layer';
import type { BlockMode } from './vocabulary';

export interface DeconvLayerSettings {
  /** Channel (or feature) block size before the gcd rule. */
  block: number;
  /** Newton–Schulz iterations K. */
  iters: number;
  eps: number;
  /** Sampling stride for statistics (multiplied by the conv stride). */
  samplingStride: number;
  /** Training steps after which the running values are used (0 = never). */
  freezeIters: number;
  blockMode: BlockMode;
  /** Running-average momentum (reference 0.1). */
  momentum: number;
  /** Gradient of D on the composed path (cpu, wasm, webgl); absent = 'unrolled'. */
  isqrtGradient?: IsqrtGradient;
}

export const DEFAULT_DECONV_LAYER: DeconvLayerSettings = {
  block: 64,
  iters: 5,
  eps: 1e-5,
  samplingStride: 3,
  freezeIters: 0,
  blockMode: 'pooled',
  momentum: 0.1,
};

/** After freezing, running statistics are still refreshed (detached) on every this-many-th step. */
export const FREEZE_REFRESH_EVERY = 10;

/** Cov + eps·I, then D = (Cov + eps·I)^(-1/2) for a stack [g, n, n]. */
export function whiteningMatrix(cov: tf.Tensor3D, eps: number, iters: number, gradient: IsqrtGradient = 'unrolled'): tf.Tensor3D {
  return tf.tidy(() => {
    const n = cov.shape[1];
    const regularised = tf.add(cov, tf.mul(tf.eye(n), eps)) as tf.Tensor3D;
    return batchedIsqrt(regularised, iters, { gradient }).isqrt;
  });
}

/** How a layer's weight splits into taps (k·k for a conv, 1 for a dense layer), channel blocks and outputs. */
export interface WeightLayout {
  taps: number;
  groups: number;
  block: number;
  out: number;
}

/**
 * Folds whitening into weights: W' = D^T·W per block (patches are row vectors p, the whitened patch
 * is (p - m)·D^T) and b' = b - Σ W'·m. `weight` is [taps·groups·block, out] in any shape whose
 * flattening runs (tap, group, channel-in-block, out), like a conv filter [k, k, C, out].
 * isqrt [1, n, n] (pooled: one D shared by every block) or [groups, n, n], mean [1 or groups, n],
 * n = taps·block. The pooled fold is ONE matrix product over all blocks (no tiling of D).
 */
export function foldWeights(
  weight: tf.Tensor,
  layout: WeightLayout,
  isqrt: tf.Tensor3D,
  mean: tf.Tensor2D,
  bias: tf.Tensor1D,
): { w: tf.Tensor; b: tf.Tensor1D } {
  return tf.tidy(() => {
    const { taps, groups, block, out } = layout;
    const n = taps * block;
    const split = (perm: number[]): tf.Tensor =>
      groups === 1 ? weight : tf.transpose(tf.reshape(weight, [taps, groups, block, out]), perm);
    if (isqrt.shape[0] === 1) {
      const columns = tf.reshape(split([0, 2, 1, 3]), [n, groups * out]);
      const w = tf.matMul(tf.reshape(isqrt, [n, n]) as tf.Tensor2D, columns as tf.Tensor2D, true, false);
      const shift = tf.sum(tf.reshape(tf.matMul(mean, w), [groups, out]), 0) as tf.Tensor1D;
      const merged = groups === 1 ? w : tf.transpose(tf.reshape(w, [taps, block, groups, out]), [0, 2, 1, 3]);
      return { w: tf.reshape(merged, weight.shape), b: tf.sub(bias, shift) as tf.Tensor1D };
    }
    const blocks = tf.reshape(split([1, 0, 2, 3]), [groups, n, out]) as tf.Tensor3D;
    const w = tf.matMul(isqrt, blocks, true, false);
    const shift = tf.sum(tf.matMul(tf.expandDims(mean, 1) as tf.Tensor3D, w), [0, 1]) as tf.Tensor1D;
    const merged = groups === 1 ? w : tf.transpose(tf.reshape(w, [groups, taps, block, out]), [1, 0, 2, 3]);
    return { w: tf.reshape(merged, weight.shape), b: tf.sub(bias, shift) as tf.Tensor1D };
  });
}

/**
 * Explicit pooled whitening of feature rows x [batch, groups·block]: each block of each row becomes
 * (x_block - m)·D^T. For a dense layer this costs batch·in·block multiply-adds against in·out·block
 * for the fold, so it is the cheaper route when the batch is smaller than the layer's outputs.
 */
export function whitenFeatureBlocks(x: tf.Tensor2D, isqrt: tf.Tensor3D, mean: tf.Tensor2D, block: number): tf.Tensor2D {
  return tf.tidy(() => {
    const [batch, features] = x.shape;
    const rows = tf.reshape(x, [(batch * features) / block, block]);
    const whitened = tf.matMul(tf.sub(rows, mean) as tf.Tensor2D, tf.reshape(isqrt, [block, block]) as tf.Tensor2D, false, true);
    return tf.reshape(whitened, [batch, features]) as tf.Tensor2D;
  });
}

export interface StatsPlan {
  /** Normalise with this batch's statistics (else with the running ones). */
  useBatch: boolean;
  /** Compute this batch's statistics and fold them into the running values. */
  update: boolean;
}

/** Running mean [G, n] and running D [G, n, n] of one layer, with its step counter. */
export class RunningWhitening {
  readonly mean: tf.Variable<tf.Rank.R2>;
  readonly isqrt: tf.Variable<tf.Rank.R3>;
  private steps = 0;
  private frozenFromData = false;

  constructor(groups: number, n: number) {
    this.mean = tf.tidy(() => tf.variable(tf.zeros([groups, n]), false)) as tf.Variable<tf.Rank.R2>;
    this.isqrt = tf.tidy(() => tf.variable(tf.broadcastTo(tf.eye(n), [groups, n, n]), false)) as tf.Variable<tf.Rank.R3>;
  }

  get trainingSteps(): number {
    return this.steps;
  }

  get fixedByData(): boolean {
    return this.frozenFromData;
  }

  /** How this forward pass uses statistics. A query only: `countPass` moves the step counter. */
  plan(training: boolean, freezeIters: number, trainingStep?: number): StatsPlan {
    if (!training || this.frozenFromData) return { useBatch: false, update: false };
    const step = trainingStep ?? this.steps;
    if (freezeIters > 0 && step >= freezeIters) return { useBatch: false, update: step % FREEZE_REFRESH_EVERY === 0 };
    return { useBatch: true, update: true };
  }

  /** Counts one forward pass: a training pass moves the counter to the step after it. */
  countPass(training: boolean, trainingStep?: number): void {
    if (!training || this.frozenFromData) return;
    this.steps = (trainingStep ?? this.steps) + 1;
  }

  /**
   * running = (1 - momentum)·running + momentum·batch. Detached: assign() only swaps the
   * variable's data, and running variables are never among the differentiated variables.
   */
  update(batchMean: tf.Tensor2D, batchIsqrt: tf.Tensor3D, momentum: number): void {
    tf.tidy(() => {
      this.mean.assign(tf.add(tf.mul(this.mean, 1 - momentum), tf.mul(batchMean, momentum)) as tf.Tensor2D);
      this.isqrt.assign(tf.add(tf.mul(this.isqrt, 1 - momentum), tf.mul(batchIsqrt, momentum)) as tf.Tensor3D);
    });
  }

  /** Fixes the statistics from data (input layer): never updated again. */
  setFromData(mean: tf.Tensor2D, isqrt: tf.Tensor3D): void {
    this.mean.assign(mean);
    this.isqrt.assign(isqrt);
    this.frozenFromData = true;
  }

  variables(): tf.Variable[] {
    return [this.mean, this.isqrt];
  }

  dispose(): void {
    this.mean.dispose();
    this.isqrt.dispose();
  }
}

/**
 * The mean and D one forward pass normalises with: this batch's (computed by `batchStatistics`,
 * also folded into the running values) while training and not frozen, else the running ones.
 */
export function statisticsForPass(
  running: RunningWhitening,
  settings: DeconvLayerSettings,
  ctx: ForwardContext,
  batchStatistics: () => { mean: tf.Tensor2D; cov: tf.Tensor3D },
): { mean: tf.Tensor2D; isqrt: tf.Tensor3D } {
  const plan = running.plan(ctx.training, settings.freezeIters, ctx.step);
  running.countPass(ctx.training, ctx.step);
  if (!plan.update && !plan.useBatch) return { mean: running.mean, isqrt: running.isqrt };
  const stats = batchStatistics();
  const d = whiteningMatrix(stats.cov, settings.eps, settings.iters, settings.isqrtGradient);
  if (plan.update) running.update(stats.mean, d, settings.momentum);
  return plan.useBatch ? { mean: stats.mean, isqrt: d } : { mean: running.mean, isqrt: running.isqrt };
}
