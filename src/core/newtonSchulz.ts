// Coupled Newton–Schulz iteration for the inverse square root of a stack of SPD matrices
// (spec §3), written with differentiable tf ops so autograd flows through every step.
import * as tf from '@tensorflow/tfjs-core';

export interface IsqrtResult {
  /** Cov^(-1/2), shape [batch, n, n]. */
  isqrt: tf.Tensor3D;
  /** Cov^(1/2), shape [batch, n, n]. */
  sqrt: tf.Tensor3D;
}

/**
 * Y0 = A / ||A||_F, Z0 = I; repeat `iters` times: T = (3I - Z Y) / 2, Y = Y T, Z = T Z.
 * Returns Z / sqrt(s) and Y * sqrt(s). No eps is added here: callers add eps * I to the covariance.
 */
export function newtonSchulzComposed(cov: tf.Tensor3D, iters: number): IsqrtResult {
  if (cov.rank !== 3 || cov.shape[1] !== cov.shape[2]) {
    throw new Error(`newtonSchulz expects [batch, n, n], got [${cov.shape.join(', ')}]`);
  }
  if (!Number.isInteger(iters) || iters < 0) throw new Error(`iterations must be a whole number >= 0, got ${iters}`);
  const [batch, n] = cov.shape;
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.sum(tf.square(cov), [1, 2], true)); // [batch, 1, 1]
    const identity = tf.broadcastTo(tf.eye(n), [batch, n, n]) as tf.Tensor3D;
    const threeI = tf.mul(identity, 3);
    let y = tf.div(cov, norm) as tf.Tensor3D;
    let z = identity;
    for (let i = 0; i < iters; i += 1) {
      const t = tf.mul(tf.sub(threeI, tf.matMul(z, y)), 0.5) as tf.Tensor3D;
      y = tf.matMul(y, t);
      z = tf.matMul(t, z);
    }
    const rootNorm = tf.sqrt(norm);
    return { isqrt: tf.div(z, rootNorm) as tf.Tensor3D, sqrt: tf.mul(y, rootNorm) as tf.Tensor3D };
  });
}
