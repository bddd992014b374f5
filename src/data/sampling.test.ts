import { describe, expect, it } from 'vitest';
import { gatherImages, seededRandom, stratifiedQuotas, stratifiedSplit } from './sampling';

describe('sampling', () => {
  it('seededRandom is reproducible and in [0, 1)', () => {
    const a = seededRandom(7),
      b = seededRandom(7),
      c = seededRandom(8);
    const xs = Array.from({ length: 1000 }, a);
    expect(xs).toEqual(Array.from({ length: 1000 }, b));
    expect(xs).not.toEqual(Array.from({ length: 1000 }, c));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });

  it('stratifiedQuotas hits the total exactly and each share within one', () => {
    const counts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
    const quotas = stratifiedQuotas(counts, 2000);
    expect(quotas.reduce((a, b) => a + b, 0)).toBe(2000);
    counts.forEach((n, k) => expect(Math.abs(quotas[k] - n / 5)).toBeLessThan(1));
    expect(() => stratifiedQuotas([3, 4], 8)).toThrow(/cannot hold out 8 of 7/);
  });

  it('stratifiedSplit partitions every index once, stratified and deterministic', () => {
    const labels = Array.from({ length: 500 }, (_, i) => (i * i) % 7);
    const split = stratifiedSplit(labels, 7, 100, 3);
    const all = [...split.kept, ...split.heldOut].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(split.heldOut.length).toBe(100);
    for (let k = 0; k < 7; k++) {
      const total = labels.filter((l) => l === k).length;
      const held = split.heldOut.filter((i) => labels[i] === k).length;
      expect(Math.abs(held - total / 5)).toBeLessThan(1);
    }
    expect(stratifiedSplit(labels, 7, 100, 3)).toEqual(split);
    expect(stratifiedSplit(labels, 7, 100, 4).heldOut).not.toEqual(split.heldOut);
  });

  it('gatherImages copies images and labels in the given order', () => {
    const images = Uint8Array.from([1, 1, 2, 2, 3, 3]);
    const labels = Uint8Array.from([7, 8, 9]);
    const out = gatherImages(images, labels, [2, 0], 2);
    expect(Array.from(out.images)).toEqual([3, 3, 1, 1]);
    expect(Array.from(out.labels)).toEqual([9, 7]);
    expect(out.count).toBe(2);
  });
});
