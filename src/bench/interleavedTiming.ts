// Timing two or more tensor computations side by side in alternating rounds (A, B, A, B, ...) after
// one warm-up each, so a change of machine load during the case hits every side alike. Each run ends
// with `await data()` of every result. Medians are reported.
import * as tf from '@tensorflow/tfjs-core';
import { median } from './asyncTiming';

export interface SideTiming {
  medianMs: number;
  reps: number;
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

/** Up to `maxReps` rounds while the budget (summed over all sides) lasts, at least one. */
export async function measureInterleaved(fns: readonly (() => tf.Tensor[])[], maxReps: number, budgetMs: number): Promise<SideTiming[]> {
  const warmups: number[] = [];
  for (const fn of fns) warmups.push(await timeOnce(fn));
  const times: number[][] = fns.map(() => []);
  let spent = 0;
  while (times[0].length < Math.max(1, maxReps) && (times[0].length === 0 || spent < budgetMs)) {
    for (let i = 0; i < fns.length; i += 1) {
      const elapsed = await timeOnce(fns[i]);
      times[i].push(elapsed);
      spent += elapsed;
    }
  }
  return times.map((t, i) => ({ medianMs: median(t), reps: t.length, warmupMs: warmups[i] }));
}
