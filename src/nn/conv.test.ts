import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { conv2d } from './conv';
import { maxAbsDiff, randomValues } from './testing/fixtures';

describe('conv2d (im2col on cpu)', () => {
  for (const [size, k, stride, padding] of [
    [7, 3, 1, 'same'],
    [8, 3, 2, 'same'],
    [7, 3, 2, 'same'],
    [9, 3, 2, 'valid'],
    [6, 1, 2, 'same'],
  ] as const) {
    it(`matches tf.conv2d (${size}x${size}, k ${k}, stride ${stride}, ${padding})`, async () => {
      const x = tf.tensor4d(Float32Array.from(randomValues(2 * size * size * 3, 1)), [2, size, size, 3]);
      const w = tf.tensor4d(Float32Array.from(randomValues(k * k * 3 * 4, 2)), [k, k, 3, 4]);
      const ours = conv2d(x, w, stride, padding);
      const native = tf.conv2d(x, w, stride, padding);
      expect(ours.shape).toEqual(native.shape);
      expect(maxAbsDiff(await ours.data(), await native.data())).toBeLessThan(1e-5);
      tf.dispose([x, w, ours, native]);
    });
  }
});
