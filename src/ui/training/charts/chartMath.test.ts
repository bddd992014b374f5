import { describe, expect, it } from 'vitest';
import { epochBoundaries, finiteExtent, nearestIndex, smoothSeries } from './chartMath';

describe('smoothSeries', () => {
  it('is the identity at weight 0', () => {
    expect(smoothSeries([3, 1, 2], 0)).toEqual([3, 1, 2]);
  });

  it('is bias-corrected: a constant series stays constant', () => {
    for (const value of smoothSeries([5, 5, 5, 5], 0.9)) expect(value).toBeCloseTo(5, 12);
  });

  it('matches a hand-computed EMA', () => {
    // w = 0.5: a1 = 0.5*2 = 1 -> /0.5 = 2; a2 = 0.5*1 + 0.5*4 = 2.5 -> /0.75 = 3.3333
    const [first, second] = smoothSeries([2, 4], 0.5);
    expect(first).toBeCloseTo(2, 12);
    expect(second).toBeCloseTo(10 / 3, 12);
  });

  it('lets NaN through without poisoning later points', () => {
    const out = smoothSeries([1, Number.NaN, 1], 0.6);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1, 12);
  });
});

describe('chart helpers', () => {
  it('finds finite extents and respects log scales', () => {
    expect(finiteExtent([1, Number.NaN, 3, Infinity], false, [0, 1])).toEqual([1, 3]);
    expect(finiteExtent([0, -1, 2, 4], true, [1, 10])).toEqual([2, 4]);
    expect(finiteExtent([], true, [1, 10])).toEqual([1, 10]);
    expect(finiteExtent([2, 2], true, [1, 10])).toEqual([1, 4]);
  });

  it('finds the nearest step', () => {
    expect(nearestIndex([1, 5, 10], 7)).toBe(1);
    expect(nearestIndex([1, 5, 10], 8)).toBe(2);
    expect(nearestIndex([], 8)).toBe(-1);
  });

  it('lists epoch boundaries', () => {
    expect(epochBoundaries(100, 250)).toEqual([100, 200]);
    expect(epochBoundaries(0, 250)).toEqual([]);
  });
});
