// The whitening view's pixel readouts in single passes over an HWC array: per-channel moments
// (the same float64 sums, in the same order, as core/sparsity.ts) read in place instead of from
// copies, and quantiles of |v| by selection instead of sorting a copy.
import type { ChannelStats } from '../whiten';
import { channelMoments } from './channelPasses';

/** kurtosis, nearZeroFraction, mean and std of channel c of an HWC array, as core/sparsity.ts defines them. */
export function channelStats(data: ArrayLike<number>, channels: number, c: number): ChannelStats {
  const count = data.length / channels;
  if (!(count >= 1)) throw new Error('sparsity measures need at least one value');
  let sum = 0;
  for (let i = c; i < data.length; i += channels) sum += data[i];
  const mean = sum / count;
  const { m2, m4 } = channelMoments(data, channels, c, mean);
  const variance = m2 / count;
  const fourth = m4 / count;
  const threshold = 0.1 * Math.sqrt(variance);
  let near = 0;
  for (let i = c; i < data.length; i += channels) if (Math.abs(data[i] - mean) < threshold || variance === 0) near += 1;
  return { kurtosis: variance === 0 ? 0 : fourth / (variance * variance), nearZeroFraction: near / count, mean, std: Math.sqrt(variance) };
}

/** The k-th smallest value (0-based) of `a`, reordering `a` (Hoare partitions around a median of three). */
export function selectInPlace(a: Float32Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Order a[lo] <= a[mid] <= a[hi]; the median is the pivot.
    if (a[mid] < a[lo]) [a[mid], a[lo]] = [a[lo], a[mid]];
    if (a[hi] < a[lo]) [a[hi], a[lo]] = [a[lo], a[hi]];
    if (a[hi] < a[mid]) [a[hi], a[mid]] = [a[mid], a[hi]];
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i += 1;
      while (a[j] > pivot) j -= 1;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i += 1;
        j -= 1;
      }
    }
    // Now a[lo..j] <= pivot <= a[i..hi], and every value strictly between j and i equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** The q-quantile (0..1) of |v|: the value core/sparsity.ts `absoluteQuantile` finds by sorting, found by selection. */
export function absoluteQuantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return 0;
  const abs = new Float32Array(values.length);
  for (let i = 0; i < values.length; i += 1) abs[i] = Math.abs(values[i]);
  return selectInPlace(abs, Math.min(abs.length - 1, Math.max(0, Math.floor(q * (abs.length - 1)))));
}
