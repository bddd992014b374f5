// Shared machinery of the deconvolution layers (spec §§3-5): eps + Newton–Schulz, the fold
// W' = W·D, b' = b - W'·mean, and running mean / running D with momentum and the freeze option.
import * as tf from '@tensorflow/tfjs-core';
import { batchedIsqrt } from '../core/ops';

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
  blockMode: 'pooled' | 'per-block';
  /** Running-average momentum (reference 0.1). */
  momentum: number;
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
export function whiteningMatrix(cov: tf.Tensor3D, eps: number, iters: number): tf.Tensor3D {
  return tf.tidy(() => {
    const n = cov.shape[1];
    const regularised = tf.add(cov, tf.mul(tf.eye(n), eps)) as tf.Tensor3D;
    return batchedIsqrt(regularised, iters).isqrt;
  });
}

/**
 * Folds whitening into weights. wBlocks [G, n, out] (one slice per block, rows in patch order),
 * isqrt [1 or G, n, n], mean [1 or G, n], bias [out] -> folded blocks [G, n, out] and bias [out].
 */
export function foldWhitening(
  wBlocks: tf.Tensor3D,
  isqrt: tf.Tensor3D,
  mean: tf.Tensor2D,
  bias: tf.Tensor1D,
): { w: tf.Tensor3D; b: tf.Tensor1D } {
  const groups = wBlocks.shape[0];
  const [statGroups, n] = [isqrt.shape[0], isqrt.shape[1]];
  const d = statGroups === groups ? isqrt : (tf.broadcastTo(isqrt, [groups, n, n]) as tf.Tensor3D);
  const m = statGroups === groups ? mean : (tf.broadcastTo(mean, [groups, n]) as tf.Tensor2D);
  // Patches are row vectors p: the whitened patch is (p - m) D^T, so W' = D^T W in [n, out] layout.
  const w = tf.matMul(d, wBlocks, true, false) as tf.Tensor3D;
  const shift = tf.sum(tf.matMul(tf.expandDims(m, 1) as tf.Tensor3D, w), [0, 1]) as tf.Tensor1D;
  return { w, b: tf.sub(bias, shift) as tf.Tensor1D };
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

  /** Decides how this forward pass uses statistics; counts training passes. */
  plan(training: boolean, freezeIters: number): StatsPlan {
    if (!training || this.frozenFromData) return { useBatch: false, update: false };
    const step = this.steps;
    this.steps += 1;
    if (freezeIters > 0 && step >= freezeIters) return { useBatch: false, update: step % FREEZE_REFRESH_EVERY === 0 };
    return { useBatch: true, update: true };
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
