// Timing of work that ends in a promise (a whole whitening, a training step): one cold run, then
// up to `maxReps` runs while the budget lasts (at least one); the median is reported.
export interface AsyncTiming {
  medianMs: number;
  reps: number;
  firstMs: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timeAsync(run: () => Promise<unknown>, maxReps: number, budgetMs: number): Promise<AsyncTiming> {
  let start = now();
  await run();
  const firstMs = now() - start;
  const times: number[] = [];
  let spent = 0;
  while (times.length < Math.max(1, maxReps) && (times.length === 0 || spent < budgetMs)) {
    start = now();
    await run();
    const elapsed = now() - start;
    times.push(elapsed);
    spent += elapsed;
  }
  return { medianMs: median(times), reps: times.length, firstMs };
}
