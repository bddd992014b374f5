// Pure helpers for the curves: smoothing, domains, nearest-point lookup.

/**
 * Exponential moving average with TensorBoard's bias correction, so the first points are not
 * pulled towards zero. weight 0 returns the series unchanged. Non-finite values pass through
 * without entering the average.
 */
export function smoothSeries(values: readonly number[], weight: number): number[] {
  if (weight <= 0) return [...values];
  const w = Math.min(weight, 0.999);
  let average = 0;
  let count = 0;
  return values.map((value) => {
    if (!Number.isFinite(value)) return value;
    count += 1;
    average = average * w + (1 - w) * value;
    return average / (1 - w ** count);
  });
}

/** [min, max] of the finite (and, for log scales, positive) values; a fallback when empty. */
export function finiteExtent(values: Iterable<number>, positiveOnly: boolean, fallback: [number, number]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (!Number.isFinite(value) || (positiveOnly && value <= 0)) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (low > high) return fallback;
  if (low === high) return positiveOnly ? [low / 2, high * 2] : [low - 0.5, high + 0.5];
  return [low, high];
}

/** Index of the point whose step is closest to `step` in a series sorted by step, or -1. */
export function nearestIndex(steps: readonly number[], step: number): number {
  if (steps.length === 0) return -1;
  let low = 0;
  let high = steps.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (steps[mid] < step) low = mid;
    else high = mid;
  }
  return Math.abs(steps[low] - step) <= Math.abs(steps[high] - step) ? low : high;
}

/** Steps at which an epoch ends, up to `lastStep`. */
export function epochBoundaries(stepsPerEpoch: number, lastStep: number): number[] {
  if (stepsPerEpoch <= 0) return [];
  const marks: number[] = [];
  for (let step = stepsPerEpoch; step <= lastStep && marks.length < 200; step += stepsPerEpoch) marks.push(step);
  return marks;
}
