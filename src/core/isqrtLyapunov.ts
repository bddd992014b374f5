// The composed Newton–Schulz inverse square root with the closed-form (Lyapunov) gradient of the
// EXACT function (docs/algorithm.md §7) instead of reverse mode through the unrolled steps.
//
// P = S^(1/2), Q = S^(-1/2): Q P = I gives dQ = -Q dP Q, P² = S gives P dP + dP P = dS. For a loss L
// with G_i = dL/dQ and G_s = dL/dP: dL = <G_i, dQ> + <G_s, dP> = <G_s - Q G_i Q, dP>, and the map
// dP -> P dP + dP P is self-adjoint, so dL/dS = X with P X + X P = sym(G_s) - Q sym(G_i) Q. In the
// forward's normalised units (A = S / s, P = sqrt(s) Y, Q = Z / sqrt(s)):
//     Y X + X Y = (sym(G_s) - Z sym(G_i) Z / s) / sqrt(s).
// Y and Z are the forward's truncated iterates, so this is the exact gradient only on the part of
// the spectrum the forward has converged on; elsewhere it is neither the exact nor the truncated
// function's gradient (see src/core/isqrtLyapunov.test.ts and the accuracy tables of issue #13).
import * as tf from '@tensorflow/tfjs-core';
import { lyapunovSteps, solveLyapunov } from './lyapunov';
import { checkIsqrtArguments, coupledNewtonSchulz, type IsqrtResult, type NormalisedRoots } from './newtonSchulz';

/**
 * dL/dS (symmetric) from the upstream gradients of S^(-1/2) and S^(1/2), given the forward's normalised
 * roots. sym() is linear and Z symmetric, so C = sym(G_s / sqrt(s) - Z' G_i Z') with Z' = Z s^(-3/4).
 */
export function lyapunovGradient(roots: NormalisedRoots, dIsqrt: tf.Tensor3D, dSqrt: tf.Tensor3D, steps: number): tf.Tensor3D {
  return tf.tidy(() => {
    const { y, z, norm } = roots;
    const zScaled = tf.mul(z, tf.pow(norm, -0.75)) as tf.Tensor3D;
    const sandwiched = tf.matMul(tf.matMul(zScaled, dIsqrt), zScaled);
    const c = tf.sub(tf.mul(dSqrt, tf.rsqrt(norm)), sandwiched);
    const symmetric = tf.mul(tf.add(c, tf.transpose(c, [0, 2, 1])), 0.5) as tf.Tensor3D;
    return solveLyapunov(y, symmetric, steps);
  });
}

/**
 * Same forward as `newtonSchulzComposed` (identical values); the backward solves one Lyapunov
 * equation with `steps` Smith doublings (default: enough for the spectrum K steps converge on)
 * instead of differentiating the K steps. Only Y, Z and ||S||_F are kept for the backward.
 */
export function newtonSchulzLyapunov(cov: tf.Tensor3D, iters: number, steps = lyapunovSteps(iters)): IsqrtResult {
  checkIsqrtArguments(cov, iters);
  const [batch, n] = cov.shape;
  // customGrad returns one tensor: both outputs travel stacked along the batch axis, [isqrt; sqrt].
  const stacked = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [input, save] = args as [tf.Tensor3D, tf.GradSaveFunc];
    const { y, z, norm } = coupledNewtonSchulz(input, iters);
    save([y, z, norm]);
    const root = tf.sqrt(norm);
    return {
      value: tf.concat([tf.div(z, root), tf.mul(y, root)], 0) as tf.Tensor3D,
      gradFunc: (dy: tf.Tensor3D, saved: tf.Tensor[]) =>
        tf.tidy(() => {
          const [ys, zs, norms] = saved as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
          const dIsqrt = tf.slice(dy, [0, 0, 0], [batch, n, n]);
          const dSqrt = tf.slice(dy, [batch, 0, 0], [batch, n, n]);
          return lyapunovGradient({ y: ys, z: zs, norm: norms }, dIsqrt, dSqrt, steps);
        }),
    };
  });
  return tf.tidy(() => {
    const both = stacked(cov);
    return { isqrt: tf.slice(both, [0, 0, 0], [batch, n, n]), sqrt: tf.slice(both, [batch, 0, 0], [batch, n, n]) };
  });
}
