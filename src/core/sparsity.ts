// Sparsity measures of pixel/activation values (docs/algorithm.md §8), in plain TypeScript with float64 sums.

export interface Histogram {
  /** Left edge of the first bin. */
  min: number;
  binWidth: number;
  /** Counts per bin; values equal to the maximum fall in the last bin. */
  counts: number[];
}

function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i];
  return sum / values.length;
}

function centralMoments(values: ArrayLike<number>): { mean: number; variance: number; fourth: number } {
  if (values.length === 0) throw new Error('sparsity measures need at least one value');
  const mean = meanOf(values);
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < values.length; i += 1) {
    const d2 = (values[i] - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { mean, variance: m2 / values.length, fourth: m4 / values.length };
}

/** E[(v - m)^4] / var^2: 3 for a Gaussian, 6 for a Laplace distribution, higher for sparser data. 0 for constant input. */
export function kurtosis(values: ArrayLike<number>): number {
  const { variance, fourth } = centralMoments(values);
  return variance === 0 ? 0 : fourth / (variance * variance);
}

/** Fraction of values with |v - mean| < 0.1 * std (about 0.080 for a Gaussian, 0.13 for a Laplace). 1 for constant input. */
export function nearZeroFraction(values: ArrayLike<number>): number {
  const { mean, variance } = centralMoments(values);
  const threshold = 0.1 * Math.sqrt(variance);
  let count = 0;
  for (let i = 0; i < values.length; i += 1) if (Math.abs(values[i] - mean) < threshold || variance === 0) count += 1;
  return count / values.length;
}

/** Mean and (population) standard deviation. */
export function meanAndStd(values: ArrayLike<number>): { mean: number; std: number } {
  const { mean, variance } = centralMoments(values);
  return { mean, std: Math.sqrt(variance) };
}

/** Histogram with `bins` equal bins over [range.min, range.max] (default: the data's own range); values outside are dropped. */
export function histogram(values: ArrayLike<number>, bins: number, range?: { min: number; max: number }): Histogram {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`histogram needs a whole number of bins >= 1, got ${bins}`);
  let lo = range?.min ?? Infinity;
  let hi = range?.max ?? -Infinity;
  if (!range) {
    for (let i = 0; i < values.length; i += 1) {
      lo = Math.min(lo, values[i]);
      hi = Math.max(hi, values[i]);
    }
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, binWidth: 1, counts: new Array<number>(bins).fill(0) };
  const binWidth = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    if (v < lo || v > hi) continue;
    counts[Math.min(bins - 1, Math.floor((v - lo) / binWidth))] += 1;
  }
  return { min: lo, binWidth, counts };
}

/** The q-quantile (0..1) of |v| by sorting a copy: the symmetric display range of a whitened image. */
export function absoluteQuantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  const abs = Float32Array.from(values, Math.abs).sort();
  return abs[Math.min(abs.length - 1, Math.max(0, Math.floor(q * (abs.length - 1))))];
}
