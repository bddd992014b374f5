import { describe, expect, it } from 'vitest';
import { finalLoss, meanStd, pickBestLr, smoothed, stepsToLoss } from './metrics';

describe('meanStd', () => {
  it('uses the sample standard deviation', () => {
    const s = meanStd([1, 2, 3, 4]);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.n).toBe(4);
  });
  it('is 0 for one value and NaN for none', () => {
    expect(meanStd([7])).toEqual({ mean: 7, std: 0, n: 1 });
    expect(Number.isNaN(meanStd([]).mean)).toBe(true);
  });
});

describe('smoothed / stepsToLoss / finalLoss', () => {
  it('bias-corrected EMA starts at the first value and follows a constant exactly', () => {
    expect(smoothed([2, 2, 2], 0.1)).toEqual([2, 2, 2].map(() => expect.closeTo(2, 12)));
    const s = smoothed([4, 0], 0.5);
    expect(s[0]).toBeCloseTo(4, 12);
    expect(s[1]).toBeCloseTo((0.5 * 0.5 * 4) / 0.75, 12);
  });
  it('counts the first 1-based step at or under the target, null when never or after divergence', () => {
    const losses = [2, 1.5, 1, 0.5, 0.4, 0.3];
    expect(stepsToLoss(losses, 0.5, 1)).toBe(4);
    expect(stepsToLoss(losses, 0.1, 1)).toBeNull();
    expect(stepsToLoss([2, null, 0.1], 0.5, 1)).toBeNull();
    // Smoothing delays the crossing of a single low value.
    expect(stepsToLoss([1, 1, 0.2, 1, 1], 0.5, 1)).toBe(3);
    expect(stepsToLoss([1, 1, 0.2, 1, 1], 0.5, 0.3)).toBeNull();
  });
  it('final loss is the last smoothed value', () => {
    expect(finalLoss([3, 1], 1)).toBe(1);
    expect(finalLoss([], 0.1)).toBeNull();
  });
  it('rejects a smoothing factor outside (0, 1]', () => {
    expect(() => smoothed([1], 0)).toThrow(/smoothing/);
  });
});

describe('pickBestLr', () => {
  it('picks the highest mean validation score', () => {
    expect(
      pickBestLr([
        { lr: 0.01, scores: [0.8, 0.82] },
        { lr: 0.1, scores: [0.9, 0.86] },
        { lr: 0.3, scores: [0.95, 0.7] },
      ]),
    ).toBe(0.1);
  });
  it('scores a diverged (NaN) seed as 0, so one lucky seed does not win', () => {
    expect(
      pickBestLr([
        { lr: 0.03, scores: [0.85, 0.85] },
        { lr: 0.3, scores: [0.99, NaN] },
      ]),
    ).toBe(0.03);
  });
  it('breaks ties towards the smaller lr, skips empty cells, undefined for nothing', () => {
    expect(
      pickBestLr([
        { lr: 0.3, scores: [0.9] },
        { lr: 0.1, scores: [0.9] },
        { lr: 1, scores: [] },
      ]),
    ).toBe(0.1);
    expect(pickBestLr([])).toBeUndefined();
  });
});
