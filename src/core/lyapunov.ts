// Matmul-only solver of the Lyapunov equation Y X + X Y = C for a stack of symmetric Y with spectrum
// in (0, 1] (the normalised square root of the Newton–Schulz forward). Used by the closed-form
// gradient of the inverse square root (docs/algorithm.md §7, src/core/isqrtLyapunov.ts).
//
// Cayley transform: with R = (I + Y)^(-1) and W = (I - Y) R = 2R - I (eigenvalues w = (1 - y)/(1 + y)
// in [0, 1)), 1 - w_i w_j = 2 (y_i + y_j) r_i r_j, so X = 2 Σ_k W^k (R C R) W^k. Squared Smith
// doubling sums 2^m terms in m steps: X <- X + W X W, W <- W². The relative truncation error of an
// eigen-pair is (w_i w_j)^(2^m), so m steps are exact (1e-7) for y >= ~4·2^(-m); smaller eigenvalues
// get a bounded, damped solution (at most 2^(m+1) r_i r_j |C_ij|), never a blow-up.
import * as tf from '@tensorflow/tfjs-core';

/**
 * Smith steps that cover the spectrum K coupled Newton–Schulz steps have converged on (to 1e-6).
 * The forward's sign-like step grows a small sqrt-eigenvalue by 1.5x (3 products); a Smith step
 * doubles the exponent (3 products): log2(1.5) ≈ 0.585 steps per iteration. Measured rule
 * (scalar search over K = 1..40): ceil(0.6 K), at least 1.
 */
export function lyapunovSteps(iters: number): number {
  if (!Number.isInteger(iters) || iters < 0) throw new Error(`iterations must be a whole number >= 0, got ${iters}`);
  return Math.max(1, Math.ceil(0.6 * iters));
}

/**
 * (I + Y)^(-1) for symmetric Y with spectrum in [0, 1], in 5 products. Start: q(Y) = (98 I - 80 Y + 32 Y²) / 99,
 * the quadratic whose residual 1 - (1 + y) q(y) is the scaled Chebyshev polynomial -T3(2y - 1) / 99
 * (|residual| <= 1/99 on [0, 1]); two Newton–Schulz inverse steps X <- X (2I - (I + Y) X) square it
 * twice: relative error <= 99^-4 ≈ 1e-8.
 */
export function shiftedInverse(y: tf.Tensor3D): tf.Tensor3D {
  return tf.tidy(() => {
    const n = y.shape[1];
    const eye = tf.eye(n);
    const ySquared = tf.matMul(y, y);
    let inv = tf.add(tf.sub(tf.mul(eye, 98 / 99), tf.mul(y, 80 / 99)), tf.mul(ySquared, 32 / 99)) as tf.Tensor3D;
    for (let step = 0; step < 2; step += 1) {
      const shifted = tf.add(inv, tf.matMul(y, inv)) as tf.Tensor3D; // (I + Y) X
      inv = tf.matMul(inv, tf.sub(tf.mul(eye, 2), shifted) as tf.Tensor3D);
    }
    return inv;
  });
}

/**
 * X with Y X + X Y = C for each matrix of the stack ([batch, n, n]); Y symmetric with spectrum in (0, 1],
 * any C. `steps` Smith doublings (see the file comment): 5 + 2 + 3·steps - 1 matrix products.
 * Plain products throughout: a transposed operand costs an explicit transpose on wasm (+24% per
 * 576 x 576 product, measured) and gains nothing measurable on cpu.
 */
export function solveLyapunov(y: tf.Tensor3D, c: tf.Tensor3D, steps: number): tf.Tensor3D {
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`Lyapunov steps must be a whole number >= 1, got ${steps}`);
  return tf.tidy(() => {
    const r = shiftedInverse(y);
    let w = tf.sub(tf.mul(r, 2), tf.eye(y.shape[1])) as tf.Tensor3D;
    let x = tf.mul(tf.matMul(tf.matMul(r, c), r), 2) as tf.Tensor3D;
    for (let step = 0; step < steps; step += 1) {
      const last = step === steps - 1;
      const [nextX, nextW] = tf.tidy(() => {
        const sum = tf.add(x, tf.matMul(tf.matMul(w, x), w)) as tf.Tensor3D;
        return [sum, last ? w : tf.matMul(w, w)];
      });
      if (nextW !== w) w.dispose();
      x.dispose();
      x = nextX;
      w = nextW;
    }
    return x;
  });
}
