// The four-pass readouts against the one-channel-at-a-time definitions: the same numbers, bit for bit.
import { describe, expect, it } from 'vitest';
import { seededRng } from '../reference/random';
import { histogram } from '../sparsity';
import { outputReadouts } from './outputReadouts';
import { sampleIndex, sampleSize } from './quantileBracket';
import { absoluteQuantile, channelStats } from './pixelStats';

function definitions(data: Float32Array, channels: number, bins: number, q: number) {
  const displayRange = absoluteQuantile(data, q) || 1;
  return {
    displayRange,
    stats: Array.from({ length: channels }, (_, c) => channelStats(data, channels, c)),
    histogram: histogram(data, bins, { min: -displayRange, max: displayRange }),
  };
}

function laplaceLike(length: number, seed: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length }, () => rng.normal() * Math.abs(rng.normal()));
}

describe('outputReadouts', () => {
  for (const [channels, pixels, q] of [
    [1, 1, 0.995],
    [1, 5000, 0.995],
    [3, 4001, 0.995],
    [3, 20000, 0.5],
    [3, 777, 0],
    [1, 999, 1],
  ] as const) {
    it(`${channels} channel(s), ${pixels} pixels, q = ${q}: equals the definitions`, () => {
      const data = laplaceLike(channels * pixels, pixels + channels);
      expect(outputReadouts(data, channels, 64, q)).toEqual(definitions(data, channels, 64, q));
    });
  }

  it('ties, a constant channel and all zeros', () => {
    const ties = Float32Array.from({ length: 3 * 500 }, (_, i) => (i % 3 === 1 ? 0.25 : ((i * 7) % 5) - 2));
    expect(outputReadouts(ties, 3, 64, 0.995)).toEqual(definitions(ties, 3, 64, 0.995));
    const zeros = new Float32Array(300);
    expect(outputReadouts(zeros, 3, 16, 0.995)).toEqual(definitions(zeros, 3, 16, 0.995));
  });

  it('NaN and infinities give what the definitions give', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      const data = laplaceLike(3 * 100, 4);
      data[37] = bad;
      expect(outputReadouts(data, 3, 64, 0.995)).toEqual(definitions(data, 3, 64, 0.995));
    }
  });

  it('refuses an empty array like sparsity.ts does', () => {
    expect(() => outputReadouts(new Float32Array(0), 1, 64, 0.995)).toThrow(/at least one value/);
  });
});

describe('outputReadouts when the sample misleads', () => {
  it('every sampled value huge, the rest small: the full selection gives the same quantile', () => {
    const data = laplaceLike(3 * 3000, 9);
    for (let j = 0; j < sampleSize(data.length); j += 1) data[sampleIndex(j, data.length)] += 1000;
    expect(outputReadouts(data, 3, 64, 0.995)).toEqual(definitions(data, 3, 64, 0.995));
    expect(outputReadouts(data, 3, 64, 0.5)).toEqual(definitions(data, 3, 64, 0.5));
  });
});
