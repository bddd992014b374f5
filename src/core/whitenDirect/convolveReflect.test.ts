// The direct reflect-padded convolution, both implementations (plain loops summing in float64,
// WebAssembly SIMD summing in float32), against the formula and against tf.mirrorPad + tf.conv2d.
// Tolerances: the loops within 1e-6 of the float64 formula; SIMD within the float32 bound of a sum of
// n products, (n + 2) 2^-24 (sum of |w p| + |bias|).
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { pinkNoise } from '../reference/syntheticImages';
import { seededRng } from '../reference/random';
import { reflectConv2d } from '../reflectConv';
import { convolveReflect, convolveReflectLoops, reflectIndex, SIMD_MIN_PIXELS, type ConvWeights } from './convolveReflect';
import { convolveSimd, simdAvailable } from './convolveSimd';

function formula(
  img: { data: Float32Array; height: number; width: number },
  cIn: number,
  k: number,
  w: Float64Array,
  bias: Float64Array,
  y: number,
  x: number,
  o: number,
): { value: number; magnitude: number } {
  const h = (k - 1) / 2;
  let sum = 0;
  let magnitude = Math.abs(bias[o]);
  for (let c = 0; c < cIn; c += 1) {
    for (let dy = 0; dy < k; dy += 1) {
      for (let dx = 0; dx < k; dx += 1) {
        const iy = reflectIndex(y + dy - h, img.height);
        const ix = reflectIndex(x + dx - h, img.width);
        const product = w[((o * cIn + c) * k + dy) * k + dx] * img.data[(iy * img.width + ix) * cIn + c];
        sum += product;
        magnitude += Math.abs(product);
      }
    }
  }
  return { value: sum - bias[o], magnitude };
}

type Convolution = (pixels: Float32Array, height: number, width: number, w: ConvWeights) => Float32Array;
const IMPLEMENTATIONS: { name: string; run: Convolution; tolerance: (magnitude: number, n: number) => number }[] = [
  { name: 'loops', run: convolveReflectLoops, tolerance: () => 1e-6 },
  {
    name: 'SIMD',
    run: (...args) => {
      const out = convolveSimd(...args);
      if (!out) throw new Error('no WebAssembly SIMD here');
      return out;
    },
    tolerance: (magnitude, n) => (n + 2) * 2 ** -24 * magnitude,
  },
];

describe('convolveReflect', () => {
  it('reflects without repeating the edge, as tf.mirrorPad "reflect"', () => {
    expect([-2, -1, 0, 4, 5, 6].map((v) => reflectIndex(v, 5))).toEqual([2, 1, 0, 4, 3, 2]);
  });

  it('Node has WebAssembly SIMD: the SIMD path is tested here, and convolveReflect takes it from SIMD_MIN_PIXELS on', () => {
    expect(simdAvailable()).toBe(true);
  });

  for (const impl of IMPLEMENTATIONS)
    for (const [cIn, k, h, w] of [
      [1, 1, 4, 7],
      [1, 3, 9, 5],
      [3, 1, 5, 6],
      [3, 3, 8, 13],
      [3, 5, 11, 12],
      [3, 9, 9, 10],
      [1, 7, 7, 8],
    ] as const) {
      it(`${impl.name}: ${cIn} channel(s), k=${k}, ${w}x${h}: every pixel (borders included) = the formula`, async () => {
        const img = pinkNoise(h, w, cIn, k);
        const rng = seededRng(k + cIn);
        const weights = Float64Array.from({ length: cIn * cIn * k * k }, () => rng.normal());
        const bias = Float64Array.from({ length: cIn }, () => rng.normal());
        const out = impl.run(img.data, h, w, { weights, cOut: cIn, cIn, kernel: k, bias });
        expect(out.length).toBe(h * w * cIn);
        for (let y = 0; y < h; y += 1) {
          for (let x = 0; x < w; x += 1) {
            for (let o = 0; o < cIn; o += 1) {
              const want = formula(img, cIn, k, weights, bias, y, x, o);
              expect(Math.abs(out[(y * w + x) * cIn + o] - want.value)).toBeLessThanOrEqual(impl.tolerance(want.magnitude, cIn * k * k));
            }
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

describe('convolveSimd keeps the padded planes of the last image', () => {
  const close = (a: Float32Array, b: Float32Array) => {
    expect(a.length).toBe(b.length);
    for (let i = 0; i < a.length; i += 1) expect(Math.abs(a[i] - b[i])).toBeLessThan(1e-4);
  };
  it('new weights on the same pixels, another image of the same size, a larger one (the memory grows), a smaller k', () => {
    const rng = seededRng(5);
    const conv = (k: number): ConvWeights => ({
      weights: Float64Array.from({ length: 9 * k * k }, () => rng.normal()),
      cOut: 3,
      cIn: 3,
      kernel: k,
      bias: [0.1, -0.2, 0.3],
    });
    const a = pinkNoise(20, 30, 3, 1);
    const b = pinkNoise(20, 30, 3, 2);
    const large = pinkNoise(300, 260, 3, 3);
    for (const [img, w] of [
      [a, conv(3)],
      [a, conv(3)],
      [b, conv(3)],
      [large, conv(5)],
      [a, conv(5)],
      [a, conv(1)],
    ] as const) {
      close(IMPLEMENTATIONS[1].run(img.data, img.height, img.width, w), convolveReflectLoops(img.data, img.height, img.width, w));
    }
  });
});

describe('convolveReflect picks its implementation by size', () => {
  it(`below ${SIMD_MIN_PIXELS} pixels the loops, from there on SIMD`, () => {
    const w: ConvWeights = { weights: Float64Array.from({ length: 27 }, (_, i) => Math.sin(i)), cOut: 1, cIn: 3, kernel: 3, bias: [0.5] };
    const small = pinkNoise(63, 64, 3, 1);
    expect(convolveReflect(small.data, 63, 64, w)).toEqual(convolveReflectLoops(small.data, 63, 64, w));
    const large = pinkNoise(64, 64, 3, 1);
    expect(convolveReflect(large.data, 64, 64, w)).toEqual(convolveSimd(large.data, 64, 64, w));
    expect(convolveReflect(large.data, 64, 64, w)).not.toEqual(convolveReflectLoops(large.data, 64, 64, w));
  });
});
