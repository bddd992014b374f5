// Reuse between whitenings: the same answers as starting from the pixels, fewer stages run.
import { describe, expect, it } from 'vitest';
import { pinkNoise } from '../reference/syntheticImages';
import type { WhitenOptions } from '../whitenInput';
import { createWhitenCache, NO_CACHE, type PatchSpectrum, type WhitenCache } from './whitenCache';
import { whitenDirectSteps, whitenImageDirect } from './whitenDirect';

const base: WhitenOptions = { kernel: 3, eps: 1e-5, iters: 15, samplingStride: 3, grey: false };

function stagesRun(image: ReturnType<typeof pinkNoise>, opts: WhitenOptions, cache: WhitenCache): number {
  const steps = whitenDirectSteps(image, opts, cache);
  let yields = 0;
  while (!steps.next().done) yields += 1;
  return yields;
}

describe('createWhitenCache', () => {
  it('gives the same results as no cache while eps, K, k, stride and grey change', () => {
    const img = pinkNoise(33, 27, 3, 1);
    const cache = createWhitenCache();
    const changes: Partial<WhitenOptions>[] = [
      {},
      { eps: 1e-3 },
      { iters: 4 },
      { kernel: 5 },
      { samplingStride: 2 },
      { grey: true },
      { grey: true, eps: 0.01 },
      {},
    ];
    for (const change of changes) {
      const opts = { ...base, ...change };
      expect(whitenImageDirect(img, opts, cache)).toEqual(whitenImageDirect(img, opts, NO_CACHE));
    }
  });

  it('a change of eps or K skips the statistics stages; a new k runs them', () => {
    const img = pinkNoise(20, 20, 1, 2);
    const cache = createWhitenCache();
    const cold = stagesRun(img, base, cache);
    expect(stagesRun(img, { ...base, eps: 0.1, iters: 3 }, cache)).toBe(cold - 2);
    expect(stagesRun(img, { ...base, kernel: 5 }, cache)).toBe(cold);
  });

  it('keeps the prepared input per array and per grey/colour', () => {
    const cache = createWhitenCache();
    const a = pinkNoise(10, 10, 3, 1);
    expect(cache.prepare(a, true)).toBe(cache.prepare(a, true));
    expect(cache.prepare(a, false)).toBe(cache.prepare(a, false));
    expect(cache.prepare(a, true)).not.toBe(cache.prepare(a, false));
    expect(cache.prepare({ ...a, data: Float32Array.from(a.data) }, true)).not.toBe(cache.prepare(a, true));
  });

  it('knows an array once it has been prepared: its pixels are not scanned again, a new array is, and options are always checked', () => {
    const cache = createWhitenCache();
    const img = pinkNoise(10, 10, 1, 1);
    expect(cache.checked(img)).toBe(false);
    whitenImageDirect(img, base, cache);
    expect(cache.checked(img)).toBe(true);
    expect(cache.checked({ ...img, data: Float32Array.from(img.data) })).toBe(false);
    expect(NO_CACHE.checked(img)).toBe(false);
    const broken = { ...img, data: Float32Array.from(img.data, (v, i) => (i === 7 ? Number.NaN : v)) };
    expect(() => whitenImageDirect(broken, base, cache)).toThrow(/image value 7 is not a finite number/);
    expect(() => whitenImageDirect(img, { ...base, kernel: 4 }, cache)).toThrow(/odd whole number/);
  });

  it('keeps the most recently used statistics per image, up to its limit', () => {
    const cache = createWhitenCache(2);
    const img = pinkNoise(10, 10, 1, 1);
    const value = (k: number): PatchSpectrum => ({
      moments: { mean: new Float64Array(k), cov: new Float64Array(0), count: k },
      spectrum: { n: k, values: new Float64Array(0), vectors: new Float64Array(0), sumSquares: 0, trace: 0 },
    });
    cache.keepStatistics(img, 3, 3, value(3));
    cache.keepStatistics(img, 5, 3, value(5));
    expect(cache.statistics(img, 3, 3)?.moments.count).toBe(3); // now the most recent
    cache.keepStatistics(img, 7, 3, value(7)); // drops k = 5
    expect(cache.statistics(img, 5, 3)).toBeUndefined();
    expect(cache.statistics(img, 3, 3)?.moments.count).toBe(3);
    expect(cache.statistics(img, 7, 3)?.moments.count).toBe(7);
    expect(cache.statistics(img, 3, 1)).toBeUndefined();
  });
});
