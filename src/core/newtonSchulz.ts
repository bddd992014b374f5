// Coupled Newton–Schulz iteration for the inverse square root of a stack of SPD matrices
// (docs/algorithm.md §3), written with differentiable tf ops so autograd flows through every step.
import * as tf from '@tensorflow/tfjs-core';

export interface IsqrtResult {
  /** Cov^(-1/2), shape [batch, n, n]. */
  isqrt: tf.Tensor3D;
  /** Cov^(1/2), shape [batch, n, n]. */
  sqrt: tf.Tensor3D;
}

/** The iteration on the normalised matrix A / s, before the outputs are scaled back. */
export interface NormalisedRoots {
  /** ≈ (A / s)^(1/2), spectrum in (0, 1]. */
  y: tf.Tensor3D;
  /** ≈ (A / s)^(-1/2). */
  z: tf.Tensor3D;
  /** s = ||A||_F per matrix, [batch, 1, 1]. */
  norm: tf.Tensor3D;
}

export function checkIsqrtArguments(cov: tf.Tensor, iters: number): void {
  if (cov.rank !== 3 || cov.shape[1] !== cov.shape[2]) {
    throw new Error(`newtonSchulz expects [batch, n, n], got [${cov.shape.join(', ')}]`);
  }
  if (!Number.isInteger(iters) || iters < 0) throw new Error(`iterations must be a whole number >= 0, got ${iters}`);
}

/**
 * Y0 = A / ||A||_F, Z0 = I; repeat `iters` times: T = (3I - Z Y) / 2, Y = Y T, Z = T Z
 * (3K - 2 matrix products).
 * Call inside a tidy: the intermediate tensors are left to the caller's scope.
 */
export function coupledNewtonSchulz(cov: tf.Tensor3D, iters: number): NormalisedRoots {
  const [batch, n] = cov.shape;
  const norm = tf.sqrt(tf.sum(tf.square(cov), [1, 2], true)) as tf.Tensor3D; // [batch, 1, 1]
  const identity = tf.broadcastTo(tf.eye(n), [batch, n, n]) as tf.Tensor3D;
  const threeI = tf.mul(identity, 3);
  let y = tf.div(cov, norm) as tf.Tensor3D;
  let z = identity;
  for (let i = 0; i < iters; i += 1) {
    // Z0 = I: the first step's products with Z are exact copies, so they are skipped (same values).
    const zy = i === 0 ? y : tf.matMul(z, y);
    const t = tf.mul(tf.sub(threeI, zy), 0.5) as tf.Tensor3D;
    y = tf.matMul(y, t);
    z = i === 0 ? t : tf.matMul(t, z);
  }
  return { y, z, norm };
}

/**
 * Z / sqrt(s) and Y * sqrt(s) of the coupled iteration; its gradient is reverse mode through the
 * unrolled steps. No eps is added here: callers add eps * I to the covariance.
 */
export function newtonSchulzComposed(cov: tf.Tensor3D, iters: number): IsqrtResult {
  checkIsqrtArguments(cov, iters);
  return tf.tidy(() => {
    const { y, z, norm } = coupledNewtonSchulz(cov, iters);
    const rootNorm = tf.sqrt(norm);
    return { isqrt: tf.div(z, rootNorm) as tf.Tensor3D, sqrt: tf.mul(y, rootNorm) as tf.Tensor3D };
  });
}
