// Wall-clock timing of GPU work: a warm-up run (pipeline compilation), then repetitions that each
// end with `await data()` of every result, so the measured time includes the GPU finishing.
import * as tf from '@tensorflow/tfjs-core';

export interface Timing {
  medianMs: number;
  reps: number;
  /** The first (cold) run, including shader compilation. */
  warmupMs: number;
}

async function timeOnce(fn: () => tf.Tensor[]): Promise<number> {
  const start = performance.now();
  const outs = fn();
  await Promise.all(outs.map((t) => t.data()));
  const elapsed = performance.now() - start;
  tf.dispose(outs);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Up to `maxReps` timed runs after one warm-up, stopping early once `budgetMs` is spent (at least one). */
export async function measure(fn: () => tf.Tensor[], maxReps: number, budgetMs: number): Promise<Timing> {
  const warmupMs = await timeOnce(fn);
  const times: number[] = [];
  let spent = 0;
  while (times.length < maxReps && (times.length === 0 || spent < budgetMs)) {
    const t = await timeOnce(fn);
    times.push(t);
    spent += t;
  }
  return { medianMs: median(times), reps: times.length, warmupMs };
}
