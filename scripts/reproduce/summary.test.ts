import { describe, expect, it } from 'vitest';
import { finishedRuns } from './results';
import { bestLr, cells, cellStats, groupRuns, sharedLr } from './summary';
import type { RunResult, VariantResult } from './types';

function variant(norm: 'batchnorm' | 'deconv', val: number, losses: (number | null)[] = [0.4, 0.3]): VariantResult {
  return {
    norm,
    params: 1,
    losses,
    msPerStep: 10,
    diverged: losses.includes(null),
    validationAccuracy: val,
    testAccuracy: val - 0.01,
    testAccuracyBatchStats: val,
    probes: [],
  };
}

function run(lr: number, seed: number, bn: number, nd: number, complete = true): RunResult {
  return {
    model: 'mlp',
    dataset: 'mnist',
    ablation: 'main',
    lr,
    seed,
    epochs: 1,
    batchSize: 128,
    trainImages: 7000,
    validationImages: 1000,
    testImages: 2000,
    backend: 'wasm',
    complete,
    stepsDone: 2,
    totalSteps: 2,
    seconds: 1,
    variants: [variant('batchnorm', bn), variant('deconv', nd)],
  };
}

describe('summary', () => {
  const runs = [run(0.01, 1, 0.8, 0.9), run(0.01, 2, 0.82, 0.88), run(0.1, 1, 0.95, 0.7), run(0.1, 2, 0.93, 0.72)];
  const [g] = groupRuns(runs);
  it('groups by model, dataset, ablation and epochs; cells per lr with their seeds', () => {
    expect(groupRuns(runs)).toHaveLength(1);
    const cs = cells(g, 'deconv');
    expect(cs.map((c) => [c.lr, c.seeds])).toEqual([
      [0.01, [1, 2]],
      [0.1, [1, 2]],
    ]);
  });
  it('picks each variant its own lr on validation, and a shared lr for both', () => {
    expect(bestLr(cells(g, 'batchnorm'))).toBe(0.1);
    expect(bestLr(cells(g, 'deconv'))).toBe(0.01);
    // mean of both at 0.01: 0.85, at 0.1: 0.825
    expect(sharedLr(cells(g, 'batchnorm'), cells(g, 'deconv'))).toBe(0.01);
  });
  it('cell statistics in %, with steps to the target loss', () => {
    const s = cellStats(cells(g, 'deconv')[0], 0.5);
    expect(s.validation.mean).toBeCloseTo(89, 10);
    expect(s.test.mean).toBeCloseTo(88, 10);
    expect(s.seeds).toBe(2);
    expect(s.reached).toBe(2);
    expect(s.toTarget.mean).toBe(1);
  });
  it('finishedRuns keeps the last finished result of a run and counts unfinished ones', () => {
    const { runs: kept, unfinished } = finishedRuns([run(0.01, 1, 0.1, 0.1), run(0.01, 1, 0.5, 0.5), run(0.1, 1, 0, 0, false)]);
    expect(kept).toHaveLength(1);
    expect(kept[0].variants[0].validationAccuracy).toBe(0.5);
    expect(unfinished).toBe(1);
  });
});
