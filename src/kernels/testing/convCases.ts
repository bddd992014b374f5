// What the two convolution-gradient tests share: the input shape, the outputs, the tolerance, seeded values
// in [-1, 1) and the case type (a kernel size, a stride and a padding).
import type * as tf from '@tensorflow/tfjs-core';
import { seededRng } from '../../core/reference/random';

export const X_SHAPE: [number, number, number, number] = [2, 9, 10, 3];
export const C_OUT = 4;
/** max |difference| / max(1, max |reference|): float32 sums of at most 7·7·4 products. */
export const TOLERANCE = 2e-6;

export type ConvPad = 'same' | 'valid' | number | tf.backend_util.ExplicitPadding;

export interface ConvCase {
  name: string;
  k: number;
  stride: number;
  pad: ConvPad;
}

export function randomSigned(count: number, seed: number): Float64Array {
  const rng = seededRng(seed);
  return Float64Array.from({ length: count }, () => rng.uniform() * 2 - 1);
}

/** An uneven explicit padding at stride 2: the case 'same' and 'valid' never produce. */
export const EXPLICIT_PAD_CASE: ConvCase = {
  name: 'k 3, stride 2, explicit pad [1,2]x[0,3]',
  k: 3,
  stride: 2,
  pad: [
    [0, 0],
    [1, 2],
    [0, 3],
    [0, 0],
  ],
};
