// The gradient comparison group on the cpu backend with tiny sizes: row shape, the skip of the large
// case without `full`, and no tensors left behind. No timing is asserted.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ISQRT_GRAD_GROUP, isqrtGradCases } from './isqrtGradCases';
import type { BenchRow } from './types';

describe('isqrtGradCases (cpu, tiny sizes)', () => {
  it('times both gradients per shape, ratio unrolled / lyapunov, and skips n > 144 unless full', async () => {
    const ctx = {
      backend: 'cpu' as const,
      options: { backends: ['cpu' as const], full: false, maxReps: 1, budgetMsPerCase: 1 },
      progress: () => {},
    };
    const rows: BenchRow[] = [];
    const before = tf.memory().numTensors;
    for await (const row of isqrtGradCases(ctx, [
      [2, 9],
      [1, 200],
    ]))
      rows.push(row);
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((r) => [r.group, r.label])).toEqual([
      [ISQRT_GRAD_GROUP, 'forward+backward 2x9x9 K=5'],
      [ISQRT_GRAD_GROUP, 'forward+backward 1x200x200 K=5'],
    ]);
    const [measured, skipped] = rows;
    expect(measured.values.map((v) => v.label)).toEqual(['unrolled', 'lyapunov', 'forward only']);
    expect(measured.values.every((v) => Number.isFinite(v.value) && v.value > 0)).toBe(true);
    expect(measured.ratio).toBeCloseTo(measured.values[0].value / measured.values[1].value, 10);
    expect(skipped).toMatchObject({ values: [], reps: 0 });
    expect(skipped.note).toMatch(/--full/);
  });
});
