// Test matrices and error measures shared by the GPU tests.
import * as tf from '@tensorflow/tfjs-core';
import { addDiagonal, frobeniusNorm } from '../../core/reference/matrix';
import { randomSpd, seededRng } from '../../core/reference/random';

export const EPS = 1e-5;

/** `batch` SPD matrices + eps I, conditions log-spaced from 1 to `maxCondition` across the batch. */
export function spdBatch(batch: number, n: number, maxCondition: number, seed: number): Float64Array[] {
  const rng = seededRng(seed);
  return Array.from({ length: batch }, (_, b) => {
    const condition = batch === 1 ? maxCondition : maxCondition ** (b / (batch - 1));
    return addDiagonal(randomSpd(n, condition, rng), n, EPS);
  });
}

export function stack(mats: Float64Array[], n: number): tf.Tensor3D {
  const flat = new Float32Array(mats.length * n * n);
  mats.forEach((m, b) => flat.set(m, b * n * n));
  return tf.tensor3d(flat, [mats.length, n, n]);
}

/** Matrix b of a flat [batch, n, n] array. */
export function matrixAt(values: ArrayLike<number>, b: number, n: number): Float64Array {
  return Float64Array.from({ length: n * n }, (_, i) => values[b * n * n + i]);
}

/** max over the batch of ||x_b - ref_b||_F / ||ref_b||_F. */
export function maxRelativeError(x: ArrayLike<number>, ref: ArrayLike<number>, batch: number, n: number): number {
  let worst = 0;
  for (let b = 0; b < batch; b += 1) {
    const xb = matrixAt(x, b, n);
    const rb = matrixAt(ref, b, n);
    worst = Math.max(worst, frobeniusNorm(xb.map((v, i) => v - rb[i])) / frobeniusNorm(rb));
  }
  return worst;
}

export function randomCotangent(batch: number, n: number, seed: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length: batch * n * n }, () => rng.uniform() * 2 - 1);
}
