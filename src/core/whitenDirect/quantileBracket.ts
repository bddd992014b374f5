// The exact q-quantile of |v| without selecting over every value: a scattered sample of 1 in
// SAMPLE_STEP brackets it, one pass (outputReadouts.ts, fused with other work) counts the values
// below the bracket and gathers those inside, and the selection runs over those few. When the
// sample was wrong, a full selection gives the same value.
import { selectInPlace } from './pixelStats';

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

/** Where the values of |v| around rank `rank` (of `total`) should lie, from a sample: [lo, hi]. */
export function quantileBracket(data: Float32Array, rank: number): { lo: number; hi: number; expected: number } {
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
export interface Gather {
  lo: number;
  hi: number;
  values: Float32Array;
  size: number;
  below: number;
}

/** The exact rank-th |v|: inside the gathered bracket when the sample was right, else by selecting over every value. */
export function quantileOf(data: Float32Array, rank: number, g: Gather): number {
  if (g.size <= g.values.length && g.below <= rank && rank < g.below + g.size)
    return selectInPlace(g.values.subarray(0, g.size), rank - g.below);
  const abs = new Float32Array(data.length);
  for (let i = 0; i < data.length; i += 1) abs[i] = Math.abs(data[i]);
  return selectInPlace(abs, rank);
}
