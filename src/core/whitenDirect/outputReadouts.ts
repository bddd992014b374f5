// The whitened image's readouts (display range, per-channel statistics, histogram) in four passes,
// with the same numbers as pixelStats `channelStats` per channel, `absoluteQuantile` and core/sparsity `histogram`: the same float64 sums in the same order, and the
// quantile found exactly by selecting among the few values a sample of 1 in 32 brackets it with (with
// a full selection when the sample was wrong). The definitions took 9 passes and a full selection.
import { histogram as sparsityHistogram } from '../sparsity';
import type { ChannelStats, Histogram } from '../whiten';
import { absoluteQuantile, channelStats, selectInPlace } from './pixelStats';

export interface OutputReadouts {
  /** The q-quantile of |v| over every value, or 1 when that is 0. */
  displayRange: number;
  stats: ChannelStats[];
  /** `bins` bins over [-displayRange, displayRange]. */
  histogram: Histogram;
}

/** One |v| in SAMPLE_STEP estimates where the quantile lies; the bracket around it is checked exactly. */
const SAMPLE_STEP = 32;
/** A prime: index j * SAMPLE_PRIME mod N scatters the sample over the image (a regular stride aliases with its structure). */
const SAMPLE_PRIME = 1_000_003;

/** Where the quantile's sample takes its j-th value, in an array of `total` values (exported for the test that misleads it). */
export function sampleIndex(j: number, total: number): number {
  return (j * SAMPLE_PRIME) % total;
}

/** How many values the quantile's sample takes from `total`. */
export function sampleSize(total: number): number {
  return Math.ceil(total / SAMPLE_STEP);
}

/** The readouts one channel at a time (the definitions): for values the fast passes cannot take (NaN, infinities). */
function slowReadouts(data: Float32Array, channels: number, bins: number, q: number): OutputReadouts {
  const displayRange = absoluteQuantile(data, q) || 1;
  return {
    displayRange,
    stats: Array.from({ length: channels }, (_, c) => channelStats(data, channels, c)),
    histogram: sparsityHistogram(data, bins, { min: -displayRange, max: displayRange }),
  };
}

/**
 * sparsity `histogram` with a given range, counted in an Int32Array. The bin is found by multiplying by the
 * inverse width (a third of the time of dividing); where that lands within 1e-9 of a bin edge, by the
 * division itself, so every bin is the one the definition gives.
 */
function symmetricHistogram(data: Float32Array, bins: number, range: number): Histogram {
  const lo = -range;
  const binWidth = range > lo ? (range - lo) / bins : 1;
  const inverse = 1 / binWidth;
  const counts = new Int32Array(bins);
  const last = bins - 1;
  for (let i = 0; i < data.length; i += 1) {
    const v = data[i];
    if (v < lo || v > range) continue;
    const t = (v - lo) * inverse;
    let bin = Math.floor(t);
    if (t - bin < 1e-9 || t - bin > 1 - 1e-9) bin = Math.floor((v - lo) / binWidth);
    counts[bin > last ? last : bin] += 1;
  }
  return { min: lo, binWidth, counts: Array.from(counts) };
}

/** Sum of channel c (index order, as channelStats) and the largest |v| in it. */
function channelSum(data: Float32Array, channels: number, c: number): { sum: number; maxAbs: number } {
  let sum = 0;
  let maxAbs = 0;
  for (let i = c; i < data.length; i += channels) {
    const v = data[i];
    sum += v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  return { sum, maxAbs };
}

/** Central second and fourth moment sums of channel c. */
function channelMoments(data: Float32Array, channels: number, c: number, mean: number): { m2: number; m4: number } {
  let m2 = 0;
  let m4 = 0;
  for (let i = c; i < data.length; i += channels) {
    const d2 = (data[i] - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { m2, m4 };
}

/** Where the values of |v| around rank `rank` (of `total`) should lie, from a sample: [lo, hi]. */
function quantileBracket(data: Float32Array, rank: number): { lo: number; hi: number; expected: number } {
  const total = data.length;
  const sample = new Float32Array(sampleSize(total));
  for (let j = 0; j < sample.length; j += 1) sample[j] = Math.abs(data[sampleIndex(j, total)]);
  const p = total > 1 ? rank / (total - 1) : 0;
  // Six standard deviations of a sample proportion, plus one sample value on each side.
  const spread = 6 * Math.sqrt((p * (1 - p)) / sample.length) + 1 / sample.length;
  const at = (f: number) => Math.min(sample.length - 1, Math.max(0, Math.floor(f * (sample.length - 1))));
  const lo = selectInPlace(sample, at(p - spread));
  const hi = selectInPlace(sample, at(p + spread));
  return { lo, hi, expected: Math.ceil(2 * spread * total) };
}

/** What pass 3 gathers: the |v| in [lo, hi] (up to the buffer's length) and how many |v| are below lo. */
interface Gather {
  lo: number;
  hi: number;
  values: Float32Array;
  size: number;
  below: number;
}

/** Near-zero count of channel c (as channelStats), while counting and gathering |v| for the quantile. */
function channelNearAndGather(
  data: Float32Array,
  channels: number,
  c: number,
  stats: { mean: number; variance: number },
  g: Gather,
): number {
  const { mean, variance } = stats;
  const threshold = 0.1 * Math.sqrt(variance);
  const { lo, hi, values } = g;
  let near = 0;
  let below = 0;
  let size = g.size;
  for (let i = c; i < data.length; i += channels) {
    const v = data[i];
    // Branch-free: whether a value is near zero is a coin toss the branch predictor loses.
    near += Number(Math.abs(v - mean) < threshold);
    const a = Math.abs(v);
    if (a < lo) below += 1;
    else if (a <= hi) {
      if (size < values.length) values[size] = a;
      size += 1;
    }
  }
  g.below += below;
  g.size = size;
  return variance === 0 ? data.length / channels : near;
}

/** The exact rank-th |v|: inside the gathered bracket when the sample was right, else by selecting over every value. */
function quantileOf(data: Float32Array, rank: number, g: Gather): number {
  if (g.size <= g.values.length && g.below <= rank && rank < g.below + g.size)
    return selectInPlace(g.values.subarray(0, g.size), rank - g.below);
  const abs = new Float32Array(data.length);
  for (let i = 0; i < data.length; i += 1) abs[i] = Math.abs(data[i]);
  return selectInPlace(abs, rank);
}

/** Readouts of an HWC array with `channels` channels: `bins` histogram bins, display range at quantile `q` of |v|. */
export function outputReadouts(data: Float32Array, channels: number, bins: number, q: number): OutputReadouts {
  const total = data.length;
  const count = total / channels;
  if (!(count >= 1)) throw new Error('sparsity measures need at least one value');
  const channelList = Array.from({ length: channels }, (_, c) => c);
  // Pass 1: sums, and whether every value is finite.
  const sums = channelList.map((c) => channelSum(data, channels, c));
  if (!sums.every((s) => Number.isFinite(s.maxAbs))) return slowReadouts(data, channels, bins, q);
  const mean = sums.map((s) => s.sum / count);
  // Pass 2: moments. A NaN anywhere makes its channel's m2 NaN.
  const moments = channelList.map((c) => channelMoments(data, channels, c, mean[c]));
  if (moments.some((m) => Number.isNaN(m.m2))) return slowReadouts(data, channels, bins, q);
  // Pass 3: near-zero counts, and the values around the quantile (their order does not change the selection).
  const rank = Math.min(total - 1, Math.max(0, Math.floor(q * (total - 1))));
  const { lo, hi, expected } = quantileBracket(data, rank);
  const gather: Gather = { lo, hi, values: new Float32Array(Math.min(total, 2 * expected + 1024)), size: 0, below: 0 };
  const variance = moments.map((m) => m.m2 / count);
  const near = channelList.map((c) => channelNearAndGather(data, channels, c, { mean: mean[c], variance: variance[c] }, gather));
  const displayRange = quantileOf(data, rank, gather) || 1;
  const stats = channelList.map((c) => ({
    kurtosis: variance[c] === 0 ? 0 : moments[c].m4 / count / (variance[c] * variance[c]),
    nearZeroFraction: near[c] / count,
    mean: mean[c],
    std: Math.sqrt(variance[c]),
  }));
  // Pass 4: the histogram over the display range.
  return { displayRange, stats, histogram: symmetricHistogram(data, bins, displayRange) };
}
