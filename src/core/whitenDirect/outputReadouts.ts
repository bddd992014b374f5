// The whitened image's readouts (display range, per-channel statistics, histogram) in four passes,
// with the same numbers as pixelStats `channelStats` per channel, `absoluteQuantile` and
// core/sparsity `histogram`: the same float64 sums in the same order (channelPasses.ts), and the
// quantile selected among the few values a sample brackets it with (quantileBracket.ts). The
// definitions took 9 passes and a selection over every value.
import { histogram as sparsityHistogram } from '../sparsity';
import type { ChannelStats, Histogram } from '../whiten';
import { channelMoments, channelMoments3, channelSum, channelSums3 } from './channelPasses';
import { absoluteQuantile, channelStats } from './pixelStats';
import { quantileBracket, quantileOf, type Gather } from './quantileBracket';

export interface OutputReadouts {
  /** The q-quantile of |v| over every value, or 1 when that is 0. */
  displayRange: number;
  stats: ChannelStats[];
  /** `bins` bins over [-displayRange, displayRange]. */
  histogram: Histogram;
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

/** Readouts of an HWC array with `channels` channels: `bins` histogram bins, display range at quantile `q` of |v|. */
export function outputReadouts(data: Float32Array, channels: number, bins: number, q: number): OutputReadouts {
  const total = data.length;
  const count = total / channels;
  if (!(count >= 1)) throw new Error('sparsity measures need at least one value');
  const channelList = Array.from({ length: channels }, (_, c) => c);
  // Pass 1: sums, and whether every value is finite.
  const sums = channels === 3 ? channelSums3(data) : channelList.map((c) => channelSum(data, channels, c));
  if (!sums.every((s) => Number.isFinite(s.maxAbs))) return slowReadouts(data, channels, bins, q);
  const mean = sums.map((s) => s.sum / count);
  // Pass 2: moments. A NaN anywhere makes its channel's m2 NaN.
  const moments = channels === 3 ? channelMoments3(data, mean) : channelList.map((c) => channelMoments(data, channels, c, mean[c]));
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
