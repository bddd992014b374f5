import { describe, expect, it } from 'vitest';
import { costTable, isCostAblation, pairedCells, verdict } from './costTable';
import { cells, groupRuns } from './summary';
import type { RunResult, VariantResult } from './types';

function deconv(test: number): VariantResult {
  return {
    norm: 'deconv',
    params: 1,
    losses: [0.4, 0.3],
    msPerStep: 10,
    diverged: false,
    validationAccuracy: test,
    testAccuracy: test,
    testAccuracyBatchStats: test,
    probes: [],
  };
}

function run(ablation: string, lr: number, seed: number, test: number): RunResult {
  return {
    model: 'mlp',
    dataset: 'fashion-mnist',
    ablation,
    lr,
    seed,
    epochs: 1,
    batchSize: 128,
    trainImages: 9000,
    validationImages: 1000,
    testImages: 2000,
    backend: 'wasm',
    complete: true,
    stepsDone: 2,
    totalSteps: 2,
    seconds: 1,
    variants: ablation === 'main' ? [{ ...deconv(0.5), norm: 'batchnorm' }, deconv(test)] : [deconv(test)],
  };
}

describe('cost ablations table', () => {
  // Protocol: lr 0.1 best (seeds 1-3: 0.80, 0.81, 0.82, sd 1 pp); hidden-b16 0.5 pp lower, hidden-b32 2 pp lower.
  const runs = [
    ...[0.8, 0.81, 0.82].map((t, i) => run('main', 0.1, i + 1, t)),
    run('main', 0.1, 4, 0.9),
    ...[0.7, 0.7, 0.7].map((t, i) => run('main', 0.01, i + 1, t)),
    ...[0.795, 0.805, 0.815].map((t, i) => run('hidden-b16', 0.1, i + 1, t)),
    ...[0.78, 0.79, 0.8].map((t, i) => run('hidden-b32', 0.1, i + 1, t)),
  ];
  const groups = groupRuns(runs);
  const main = groups.filter((g) => g.ablation === 'main');
  const costs = groups.filter((g) => isCostAblation(g.ablation));

  it('pairs the protocol with the ablation: its lrs and, at each, its seeds', () => {
    const paired = pairedCells(cells(main[0], 'deconv'), cells(costs[0], 'deconv'));
    expect(paired.map((c) => [c.lr, c.seeds])).toEqual([[0.1, [1, 2, 3]]]);
  });

  it('judges a drop against the protocol seed-to-seed sd', () => {
    expect(verdict({ mean: 81, std: 1, n: 3 }, { mean: 80.5, std: 1, n: 3 })).toBe('−0.50 (within sd 1.00)');
    expect(verdict({ mean: 81, std: 1, n: 3 }, { mean: 79, std: 1, n: 3 })).toBe('−2.00 (beyond sd 1.00)');
    expect(verdict({ mean: 81, std: 1, n: 3 }, { mean: 82, std: 1, n: 3 })).toBe('+1.00 (within sd 1.00)');
    expect(verdict({ mean: 81, std: 0, n: 1 }, { mean: 82, std: 1, n: 3 })).toBe('–');
  });

  it('pairs each change with its own seeds, the protocol row with the ablation that ran the most', () => {
    const partial = groupRuns([...runs.filter((r) => r.ablation !== 'hidden-b32'), run('hidden-b32', 0.1, 3, 0.82)]);
    const rows = costTable(
      partial.filter((g) => isCostAblation(g.ablation)),
      partial.filter((g) => g.ablation === 'main'),
      0.5,
    );
    expect(rows[2]).toContain('| 3 |');
    // hidden-b32 ran seed 3 only: 82 % against the protocol's seed 3 (82 %), one seed, so no sd to judge by.
    expect(rows[4]).toContain('| hidden-b32 |');
    expect(rows[4]).toContain('| – |');
  });

  it('one row for the paired protocol, then each cost ablation with its change at the protocol lr', () => {
    const rows = costTable(costs, main, 0.5);
    expect(rows).toHaveLength(5);
    expect(rows[2]).toContain('| deconv (protocol) |');
    expect(rows[2]).toContain('81.00 ± 1.00 (lr 0.1)');
    expect(rows[3]).toContain('| hidden-b16 |');
    expect(rows[3]).toContain('−0.50 (within sd 1.00)');
    expect(rows[4]).toContain('| hidden-b32 |');
    expect(rows[4]).toContain('−2.00 (beyond sd 1.00)');
  });
});
