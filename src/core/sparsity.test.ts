import { describe, expect, it } from 'vitest';
import { seededRng } from './reference/random';
import { absoluteQuantile, histogram, kurtosis, meanAndStd, nearZeroFraction } from './sparsity';

const N = 200_000;

function gaussianSample(seed: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length: N }, () => 2 + 0.5 * rng.normal());
}

function laplaceSample(seed: number): Float32Array {
  const rng = seededRng(seed);
  // Inverse CDF of Laplace(0, 1): -sign(u) log(1 - 2|u|), u uniform in (-1/2, 1/2).
  return Float32Array.from({ length: N }, () => {
    const u = rng.uniform() - 0.5;
    return -Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
  });
}

describe('sparsity measures', () => {
  it('Gaussian: kurtosis 3 (±0.1), near-zero fraction 0.0797 (±0.005), mean/std recovered', () => {
    const v = gaussianSample(1);
    expect(kurtosis(v)).toBeGreaterThan(2.9);
    expect(kurtosis(v)).toBeLessThan(3.1);
    // P(|z| < 0.1) for a standard normal.
    expect(Math.abs(nearZeroFraction(v) - 0.0797)).toBeLessThan(0.005);
    const { mean, std } = meanAndStd(v);
    expect(mean).toBeCloseTo(2, 2);
    expect(std).toBeCloseTo(0.5, 2);
  });

  it('Laplace: kurtosis 6 (±0.3), near-zero fraction 1 - exp(-0.1*sqrt(2)) = 0.132 (±0.005)', () => {
    const v = laplaceSample(2);
    expect(Math.abs(kurtosis(v) - 6)).toBeLessThan(0.3);
    expect(Math.abs(nearZeroFraction(v) - (1 - Math.exp(-0.1 * Math.SQRT2)))).toBeLessThan(0.005);
  });

  it('constant input: kurtosis 0 and every value near zero (no NaN)', () => {
    const v = new Float32Array(10).fill(4);
    expect(kurtosis(v)).toBe(0);
    expect(nearZeroFraction(v)).toBe(1);
    expect(() => kurtosis(new Float32Array(0))).toThrow(/at least one/);
  });

  it('histogram bins every value once, maximum in the last bin', () => {
    const h = histogram(Float32Array.of(0, 0.1, 0.5, 0.99, 1), 4);
    expect(h.min).toBe(0);
    expect(h.binWidth).toBe(0.25);
    expect(h.counts).toEqual([2, 0, 1, 2]);
    const fixed = histogram(Float32Array.of(-5, 0, 5), 2, { min: -1, max: 1 });
    expect(fixed.counts).toEqual([0, 1]);
    expect(histogram(new Float32Array(0), 3).counts).toEqual([0, 0, 0]);
  });

  it('absoluteQuantile picks the q-quantile of |v|', () => {
    const v = Float32Array.from({ length: 101 }, (_, i) => (i % 2 === 0 ? i : -i));
    expect(absoluteQuantile(v, 0.5)).toBe(50);
    expect(absoluteQuantile(v, 1)).toBe(100);
  });
});
