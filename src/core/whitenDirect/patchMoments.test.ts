// Direct patch statistics against the float64 im2col reference (reference/patches.ts).
import { describe, expect, it } from 'vitest';
import { patchStats64 } from '../reference/patches';
import { pinkNoise } from '../reference/syntheticImages';
import { patchGrid, patchMoments } from './patchMoments';

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('patchMoments', () => {
  for (const channels of [1, 3] as const) {
    for (const kernel of [1, 3, 5, 7, 9]) {
      for (const stride of [1, 3]) {
        it(`${channels} channel(s), k=${kernel}, stride ${stride}, 23x31: mean and covariance = float64 im2col within 1e-12`, () => {
          const img = pinkNoise(23, 31, channels, 10 * kernel + channels);
          const got = patchMoments(img, kernel, stride);
          const want = patchStats64(img.data, [1, 23, 31, channels], { kernel, samplingStride: stride, padding: 'valid' });
          expect(got.count).toBe(want.count);
          expect(maxAbsDiff(got.mean, want.mean)).toBeLessThan(1e-12);
          expect(got.cov.length).toBe(want.cov.length);
          expect(maxAbsDiff(got.cov, want.cov)).toBeLessThan(1e-12);
          const n = got.mean.length;
          for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) expect(got.cov[i * n + j]).toBe(got.cov[j * n + i]);
        });
      }
    }
  }

  it('counts the sampled positions of patches fully inside the image', () => {
    expect(patchGrid(512, 512, 3, 3)).toEqual({ rows: 170, cols: 170 });
    expect(patchGrid(9, 10, 9, 3)).toEqual({ rows: 1, cols: 1 });
    expect(patchGrid(9, 12, 9, 3)).toEqual({ rows: 1, cols: 2 });
    expect(patchMoments(pinkNoise(5, 5, 1, 1), 5, 3).count).toBe(1);
  });

  it('a single patch has zero covariance and is its own mean', () => {
    const img = pinkNoise(3, 3, 3, 4);
    const { mean, cov } = patchMoments(img, 3, 1);
    expect(Array.from(mean)).toEqual(Array.from(img.data, (v) => v));
    expect(cov.every((v) => v === 0)).toBe(true);
  });

  it('rejects an image smaller than the kernel', () => {
    expect(() => patchMoments(pinkNoise(8, 8, 1, 1), 9, 3)).toThrow(/smaller than the 9x9 kernel/);
  });
});
