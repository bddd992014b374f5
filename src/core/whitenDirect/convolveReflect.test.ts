// The direct reflect-padded convolution against the formula, and against tf.mirrorPad + tf.conv2d.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { pinkNoise } from '../reference/syntheticImages';
import { seededRng } from '../reference/random';
import { reflectConv2d } from '../reflectConv';
import { convolveReflect, reflectIndex } from './convolveReflect';

function formula(
  img: { data: Float32Array; height: number; width: number },
  cIn: number,
  k: number,
  w: Float64Array,
  bias: Float64Array,
  y: number,
  x: number,
  o: number,
): number {
  const h = (k - 1) / 2;
  let sum = 0;
  for (let c = 0; c < cIn; c += 1) {
    for (let dy = 0; dy < k; dy += 1) {
      for (let dx = 0; dx < k; dx += 1) {
        const iy = reflectIndex(y + dy - h, img.height);
        const ix = reflectIndex(x + dx - h, img.width);
        sum += w[((o * cIn + c) * k + dy) * k + dx] * img.data[(iy * img.width + ix) * cIn + c];
      }
    }
  }
  return sum - bias[o];
}

describe('convolveReflect', () => {
  it('reflects without repeating the edge, as tf.mirrorPad "reflect"', () => {
    expect([-2, -1, 0, 4, 5, 6].map((v) => reflectIndex(v, 5))).toEqual([2, 1, 0, 4, 3, 2]);
  });

  for (const [cIn, k, h, w] of [
    [1, 1, 4, 7],
    [1, 3, 9, 5],
    [3, 1, 5, 6],
    [3, 3, 8, 13],
    [3, 5, 11, 12],
    [3, 9, 9, 10],
    [1, 7, 7, 8],
  ] as const) {
    it(`${cIn} channel(s), k=${k}, ${w}x${h}: every pixel (borders included) = the formula within 1e-6`, async () => {
      const img = pinkNoise(h, w, cIn, k);
      const rng = seededRng(k + cIn);
      const weights = Float64Array.from({ length: cIn * cIn * k * k }, () => rng.normal());
      const bias = Float64Array.from({ length: cIn }, () => rng.normal());
      const out = convolveReflect(img.data, h, w, { weights, cOut: cIn, cIn, kernel: k, bias });
      expect(out.length).toBe(h * w * cIn);
      for (let y = 0; y < h; y += 1) {
        for (let x = 0; x < w; x += 1) {
          for (let o = 0; o < cIn; o += 1)
            expect(Math.abs(out[(y * w + x) * cIn + o] - formula(img, cIn, k, weights, bias, y, x, o))).toBeLessThan(1e-6);
        }
      }
      // The same as the tensor path (whitenTensors, whitenApply): reflectConv2d, mirrorPad then a 'valid' conv2d.
      const filter = new Float32Array(k * k * cIn * cIn);
      for (let o = 0; o < cIn; o += 1)
        for (let c = 0; c < cIn; c += 1)
          for (let t = 0; t < k * k; t += 1) filter[(t * cIn + c) * cIn + o] = weights[(o * cIn + c) * k * k + t];
      const want = tf.tidy(() => {
        const x = tf.tensor4d(img.data, [1, h, w, cIn]);
        return reflectConv2d(x, tf.tensor4d(filter, [k, k, cIn, cIn]), tf.tensor1d(Float32Array.from(bias)));
      });
      const tensor = (await want.data()) as Float32Array;
      want.dispose();
      for (let i = 0; i < out.length; i += 1) expect(Math.abs(out[i] - tensor[i])).toBeLessThan(1e-4);
    });
  }

  it('one output channel from three input channels', () => {
    const img = pinkNoise(6, 6, 3, 1);
    const weights = new Float64Array(27);
    weights[4] = 1; // channel 0, centre tap
    weights[9 + 4] = -2; // channel 1, centre tap
    const out = convolveReflect(img.data, 6, 6, { weights, cOut: 1, cIn: 3, kernel: 3, bias: [0.5] });
    for (let p = 0; p < 36; p += 1) expect(out[p]).toBeCloseTo(img.data[3 * p] - 2 * img.data[3 * p + 1] - 0.5, 6);
  });

  it('rejects a pixel array of the wrong size and an image too small to reflect', () => {
    const weights = new Float64Array(9);
    expect(() => convolveReflect(new Float32Array(5), 2, 3, { weights, cOut: 1, cIn: 1, kernel: 3, bias: [0] })).toThrow(
      /do not fit 2x3x1/,
    );
    expect(() => convolveReflect(new Float32Array(1), 1, 1, { weights, cOut: 1, cIn: 1, kernel: 3, bias: [0] })).toThrow(
      /cannot be reflect-padded by 1/,
    );
  });
});
