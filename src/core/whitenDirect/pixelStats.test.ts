// Single-pass pixel readouts against core/sparsity.ts: the same numbers, not just close ones.
import { describe, expect, it } from 'vitest';
import { seededRng } from '../reference/random';
import { absoluteQuantile as sortedQuantile, kurtosis, meanAndStd, nearZeroFraction } from '../sparsity';
import { absoluteQuantile, channelStats, selectInPlace } from './pixelStats';

function laplaceLike(length: number, seed: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length }, () => rng.normal() * Math.abs(rng.normal()));
}

describe('channelStats', () => {
  it('equals kurtosis, nearZeroFraction and meanAndStd of the channel, bit for bit', () => {
    const data = laplaceLike(3 * 1000, 1);
    for (let c = 0; c < 3; c += 1) {
      const values = data.filter((_, i) => i % 3 === c);
      expect(channelStats(data, 3, c)).toEqual({
        kurtosis: kurtosis(values),
        nearZeroFraction: nearZeroFraction(values),
        ...meanAndStd(values),
      });
    }
  });

  it('a constant channel: kurtosis 0, every value near zero, std 0', () => {
    expect(channelStats(new Float32Array(10).fill(0.25), 1, 0)).toEqual({ kurtosis: 0, nearZeroFraction: 1, mean: 0.25, std: 0 });
  });

  it('refuses an empty channel like sparsity.ts does', () => {
    expect(() => channelStats(new Float32Array(0), 1, 0)).toThrow(/at least one value/);
  });
});

describe('absoluteQuantile (selection)', () => {
  it('finds the value sorting finds, for many quantiles, sizes and ties', () => {
    for (const length of [1, 2, 3, 10, 257, 5000]) {
      const values = laplaceLike(length, length);
      const tied = Float32Array.from(values, (v) => Math.round(v * 2) / 2);
      for (const data of [values, tied]) {
        for (const q of [0, 0.1, 0.5, 0.9, 0.995, 1]) expect(absoluteQuantile(data, q)).toBe(sortedQuantile(data, q));
      }
    }
    expect(absoluteQuantile(new Float32Array(0), 0.5)).toBe(0);
  });

  it('selectInPlace leaves the k-th smallest at k with nothing larger before it', () => {
    const a = laplaceLike(999, 7);
    const sorted = Float32Array.from(a).sort();
    for (const k of [0, 1, 500, 997, 998]) {
      const copy = Float32Array.from(a);
      expect(selectInPlace(copy, k)).toBe(sorted[k]);
      for (let i = 0; i < k; i += 1) expect(copy[i]).toBeLessThanOrEqual(sorted[k]);
    }
  });
});
