// Entry points for the two deconvolution primitives. Callers never branch on the backend:
// where a fused kernel is registered for the active backend (WGSL on webgpu, see src/gpu) it
// runs; everywhere else the composed tf-op implementation does. Both are differentiable.
import * as tf from '@tensorflow/tfjs-core';
import { BATCHED_ISQRT, PATCH_COVARIANCE, PATCH_MEAN, type ImplementationName } from './kernelNames';
import { newtonSchulzLyapunov } from './isqrtLyapunov';
import { newtonSchulzComposed, type IsqrtResult } from './newtonSchulz';
import { padAmount, patchCovarianceComposed, type PatchOptions, type PatchStats } from './patchCovariance';

export type { ImplementationName, IsqrtResult, PatchOptions, PatchStats };

function fusedKernelRegistered(kernelName: string): boolean {
  return tf.getKernel(kernelName, tf.getBackend()) !== undefined;
}

/**
 * Gradient of the composed inverse square root: 'unrolled' = reverse mode through the K steps (the
 * exact gradient of the truncated iteration, as the reference does); 'lyapunov' = the closed-form
 * gradient of the exact S^(-1/2) from one Lyapunov solve (src/core/isqrtLyapunov.ts).
 */
export type IsqrtGradient = 'unrolled' | 'lyapunov';

export interface IsqrtOptions {
  /** Composed path only (cpu, wasm, webgl); the fused WGSL op keeps its own gradient. Default 'unrolled'. */
  gradient?: IsqrtGradient;
}

/** Inverse square root (and square root) of a stack [batch, n, n] of SPD matrices by `iters` Newton–Schulz steps. */
export function batchedIsqrt(cov: tf.Tensor3D, iters: number, options: IsqrtOptions = {}): IsqrtResult {
  if (!fusedKernelRegistered(BATCHED_ISQRT)) {
    return options.gradient === 'lyapunov' ? newtonSchulzLyapunov(cov, iters) : newtonSchulzComposed(cov, iters);
  }
  if (cov.rank !== 3 || cov.shape[1] !== cov.shape[2]) {
    throw new Error(`newtonSchulz expects [batch, n, n], got [${cov.shape.join(', ')}]`);
  }
  if (!Number.isInteger(iters) || iters < 0) throw new Error(`iterations must be a whole number >= 0, got ${iters}`);
  const [isqrt, sqrt] = tf.engine().runKernel(BATCHED_ISQRT, { cov }, { iters }) as tf.Tensor3D[];
  return { isqrt, sqrt };
}

/** Mean and covariance of sampled patches of an NHWC tensor (no eps added). */
export function patchCovariance(x: tf.Tensor4D, opts: PatchOptions): PatchStats {
  if (!fusedKernelRegistered(PATCH_COVARIANCE)) return patchCovarianceComposed(x, opts);
  const { kernel, samplingStride } = opts;
  const dilation = opts.dilation ?? 1;
  for (const [name, value] of [
    ['kernel size', kernel],
    ['sampling stride', samplingStride],
    ['dilation', dilation],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number >= 1, got ${value}`);
  }
  const pad = padAmount(opts);
  if (!Number.isInteger(pad) || pad < 0) throw new Error(`padding must be 'valid', 'same' or a whole number >= 0, got ${opts.padding}`);
  if (x.rank !== 4) throw new Error(`patch covariance expects NHWC [batch, height, width, channels], got [${x.shape.join(', ')}]`);
  const [batch, height, width] = x.shape;
  const span = (kernel - 1) * dilation + 1;
  const outH = height + 2 * pad - span + 1;
  const outW = width + 2 * pad - span + 1;
  if (outH < 1 || outW < 1) throw new Error(`input ${height}x${width} (padding ${pad}) is smaller than the ${kernel}x${kernel} patch`);
  const count = batch * Math.ceil(outH / samplingStride) * Math.ceil(outW / samplingStride);
  const attrs = { kernel, samplingStride, pad, dilation };
  const mean = tf.engine().runKernel(PATCH_MEAN, { x }, attrs) as tf.Tensor1D;
  const cov = tf.engine().runKernel(PATCH_COVARIANCE, { x, mean }, attrs) as tf.Tensor2D;
  return { mean, cov, count };
}

/** Which implementation `batchedIsqrt`/`patchCovariance` use on the active backend, for the UI. */
export function activeImplementation(): ImplementationName {
  return fusedKernelRegistered(BATCHED_ISQRT) ? 'fused-wgsl' : 'composed';
}
