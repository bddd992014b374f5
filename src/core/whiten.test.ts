import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { patchStats64 } from './reference/patches';
import { symmetricEigen } from './reference/jacobi';
import { addDiagonal } from './reference/matrix';
import { blurredNoise, cartoon, pinkNoise } from './reference/syntheticImages';
import { whitenImage, type ImageInput, type WhitenOptions, type WhitenResult } from './whiten';

const base: WhitenOptions = { kernel: 3, eps: 1e-5, iters: 15, samplingStride: 1, grey: false };

function kernelAt(r: WhitenResult, co: number, ci: number, dy: number, dx: number): number {
  const [, cIn, k] = r.kernels.shape;
  return r.kernels.data[((co * cIn + ci) * k + dy) * k + dx];
}

/** Covariance between the whitened channels over the positions used for the statistics ('valid', stride 1). */
function interiorChannelCovariance(r: WhitenResult, kernel: number): number[][] {
  const half = (kernel - 1) / 2;
  const { channels: c, height, width, whitened } = r;
  const rows: number[][] = [];
  for (let y = half; y < height - half; y += 1) {
    for (let x = half; x < width - half; x += 1) rows.push(Array.from({ length: c }, (_, ch) => whitened[(y * width + x) * c + ch]));
  }
  const mean = Array.from({ length: c }, (_, ch) => rows.reduce((a, row) => a + row[ch], 0) / rows.length);
  return Array.from({ length: c }, (_, i) =>
    Array.from({ length: c }, (_, j) => rows.reduce((a, row) => a + (row[i] - mean[i]) * (row[j] - mean[j]), 0) / rows.length),
  );
}

function expectNearIdentity(cov: number[][], tolerance: number): void {
  cov.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - (i === j ? 1 : 0))).toBeLessThan(tolerance)));
}

describe('whitenImage', () => {
  for (const channels of [1, 3] as const) {
    it(`${channels}-channel blurred noise, k=3, K=30, eps 1e-7: whitened channel covariance = I within 5e-3, D C D eigenvalues within 1e-3 of 1`, async () => {
      const img = blurredNoise(48, 48, channels, 10 + channels);
      const r = await whitenImage(img, { ...base, iters: 30, eps: 1e-7 });
      expectNearIdentity(interiorChannelCovariance(r, 3), 5e-3);
      for (const v of r.whitenedEigenvalues) expect(Math.abs(v - 1)).toBeLessThan(1e-3);
      expect(r.isqrtRelativeError).toBeLessThan(1e-4);
      // The input really was correlated: its covariance spectrum spans two decades or more.
      expect(r.eigenvalues[0] / r.eigenvalues[r.eigenvalues.length - 1]).toBeGreaterThan(100);
    });
  }

  it('k=1 on 3 correlated channels: the whole patch covariance (3x3, colour only) becomes I within 2e-3', async () => {
    const r = await whitenImage(blurredNoise(40, 40, 3, 5), { ...base, kernel: 1, iters: 30, eps: 1e-7 });
    expectNearIdentity(interiorChannelCovariance(r, 1), 2e-3);
  });

  for (const [channels, kernel] of [
    [1, 3],
    [3, 3],
    [1, 5],
    [3, 5],
  ] as const) {
    it(`pink noise, ${channels} channel(s), k=${kernel}, K=15: every kernel has a positive centre and a negative mean over its 8 neighbours`, async () => {
      const r = await whitenImage(pinkNoise(64, 64, channels, 7), { ...base, kernel });
      const h = (kernel - 1) / 2;
      for (let c = 0; c < channels; c += 1) {
        expect(kernelAt(r, c, c, h, h)).toBeGreaterThan(0);
        let ring = 0;
        for (let dy = -1; dy <= 1; dy += 1)
          for (let dx = -1; dx <= 1; dx += 1) if (dy !== 0 || dx !== 0) ring += kernelAt(r, c, c, h + dy, h + dx) / 8;
        expect(ring).toBeLessThan(0);
        expect(kernelAt(r, c, c, h, h)).toBeGreaterThan(5 * Math.abs(ring));
      }
    });
  }

  it('K=5 whitens visibly less than K=15 on a piecewise-constant image: lower output kurtosis, larger isqrt error', async () => {
    const img = cartoon(64, 64, 3, 4);
    const [partial, full] = [await whitenImage(img, { ...base, iters: 5 }), await whitenImage(img, { ...base, iters: 15 })];
    for (let c = 0; c < 3; c += 1) {
      expect(partial.stats.output[c].kurtosis).toBeLessThan(full.stats.output[c].kurtosis);
      expect(full.stats.output[c].kurtosis).toBeGreaterThan(full.stats.input[c].kurtosis);
    }
    expect(partial.isqrtRelativeError).toBeGreaterThan(0.1);
    expect(full.isqrtRelativeError).toBeLessThan(1e-4);
    expect(Math.min(...partial.whitenedEigenvalues)).toBeLessThan(0.5);
  });

  it('whitened pixels (borders included, reflect padding) equal kernel · (patch - mean) in float64 within 1e-4 of the display range; mean and spectrum match float64 im2col', async () => {
    const img = pinkNoise(20, 17, 3, 9);
    const k = 5;
    const r = await whitenImage(img, { ...base, kernel: k, samplingStride: 3 });
    const h = (k - 1) / 2;
    const reflect = (v: number, size: number): number => (v < 0 ? -v : v >= size ? 2 * size - 2 - v : v);
    for (const [y, x] of [
      [0, 0],
      [0, 8],
      [19, 16],
      [10, 1],
      [9, 9],
    ]) {
      for (let co = 0; co < 3; co += 1) {
        let want = 0;
        for (let dy = 0; dy < k; dy += 1) {
          for (let dx = 0; dx < k; dx += 1) {
            const iy = reflect(y + dy - h, img.height);
            const ix = reflect(x + dx - h, img.width);
            for (let ci = 0; ci < 3; ci += 1)
              want += kernelAt(r, co, ci, dy, dx) * (img.data[(iy * img.width + ix) * 3 + ci] - r.mean[(dy * k + dx) * 3 + ci]);
          }
        }
        expect(Math.abs(r.whitened[(y * img.width + x) * 3 + co] - want)).toBeLessThan(1e-4 * r.displayRange);
      }
    }
    const ref = patchStats64(img.data, [1, img.height, img.width, 3], { kernel: k, samplingStride: 3, padding: 'valid' });
    expect(r.patchCount).toBe(ref.count);
    expect(r.patchCount).toBe(Math.ceil(16 / 3) * Math.ceil(13 / 3));
    ref.mean.forEach((m, i) => expect(Math.abs(r.mean[i] - m)).toBeLessThan(1e-5));
    const eig = symmetricEigen(addDiagonal(ref.cov, 75, 1e-5), 75).values;
    expect(Math.abs(r.eigenvalues[0] - eig[0]) / eig[0]).toBeLessThan(1e-4);
    expect(Math.abs(r.eigenvalues[74] - eig[74]) / eig[74]).toBeLessThan(1e-2);
  });

  it('returns consistent shapes and histograms; grey turns RGB into one channel', async () => {
    const img = pinkNoise(24, 30, 3, 2);
    const r = await whitenImage(img, { ...base, kernel: 5, grey: true });
    expect(r.channels).toBe(1);
    expect(r.kernels.shape).toEqual([1, 1, 5, 5]);
    expect(r.whitened.length).toBe(24 * 30);
    expect(r.mean.length).toBe(25);
    expect(r.eigenvalues.length).toBe(25);
    expect(r.histograms.input.counts.reduce((a, b) => a + b, 0)).toBe(24 * 30);
    expect(r.histograms.output.counts.length).toBe(64);
    expect(r.displayRange).toBeGreaterThan(0);
    expect(['composed', 'fused-wgsl']).toContain(r.implementation);
    const colour = await whitenImage(img, { ...base, kernel: 5 });
    expect(colour.kernels.shape).toEqual([3, 3, 5, 5]);
    expect(colour.whitened.length).toBe(24 * 30 * 3);
  });

  it('leaves no tensors behind', async () => {
    const img = pinkNoise(16, 16, 3, 1);
    await whitenImage(img, base); // warm-up (backend-internal allocations)
    const before = tf.memory().numTensors;
    await whitenImage(img, { ...base, kernel: 5, samplingStride: 2 });
    await whitenImage(img, { ...base, grey: true });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options and images with clear messages', async () => {
    const img: ImageInput = pinkNoise(8, 8, 1, 1);
    const bad = async (patch: Partial<WhitenOptions>, image: ImageInput = img): Promise<unknown> =>
      whitenImage(image, { ...base, ...patch });
    await expect(bad({ kernel: 4 })).rejects.toThrow(/odd whole number from 1 to 9/);
    await expect(bad({ kernel: 11 })).rejects.toThrow(/odd whole number/);
    await expect(bad({ iters: 0 })).rejects.toThrow(/iterations must be a whole number from 1 to 30/);
    await expect(bad({ iters: 31 })).rejects.toThrow(/iterations/);
    await expect(bad({ eps: 0 })).rejects.toThrow(/eps must be a number greater than 0/);
    await expect(bad({ eps: Number.NaN })).rejects.toThrow(/eps/);
    await expect(bad({ samplingStride: 0 })).rejects.toThrow(/sampling stride/);
    await expect(bad({ kernel: 9 })).rejects.toThrow(/smaller than the 9x9 kernel/);
    await expect(bad({}, { ...img, data: new Float32Array(10) })).rejects.toThrow(/expected 8x8x1/);
    await expect(bad({}, { ...img, data: new Float32Array(64).fill(Number.NaN) })).rejects.toThrow(/not a finite number/);
  });
});
