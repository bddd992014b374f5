import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
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

describe('conv2d gradients (cpu path)', () => {
  it('match tf.conv2d gradients for a strided convolution', async () => {
    const x = tf.tensor4d(Float32Array.from(randomValues(2 * 7 * 7 * 3, 3)), [2, 7, 7, 3]);
    const w = tf.tensor4d(Float32Array.from(randomValues(3 * 3 * 3 * 4, 4)), [3, 3, 3, 4]);
    const ours = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'))))([x, w]);
    const native = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 2, 'same'))))([
      x,
      w,
    ]);
    for (let i = 0; i < 2; i += 1) expect(maxAbsDiff(await ours[i].data(), await native[i].data())).toBeLessThan(1e-4);
    tf.dispose([x, w, ...ours, ...native]);
  });
});
