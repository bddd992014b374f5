// Turns finished runs into the numbers the report shows: per (model, dataset, epochs) group, each
// variant's scores per lr, its lr picked on validation, and the shared lr. Pure.
import type { NormKind } from '../../src/train/protocol';
import { finalLoss, meanStd, pickBestLr, smoothed, stepsToLoss } from './metrics';
import type { RunResult, VariantResult } from './types';

/** Smoothing of training losses for "final loss" and "steps to loss" (EMA factor, bias-corrected). */
export const LOSS_SMOOTHING = 0.1;

export interface Cell {
  lr: number;
  seeds: number[];
  variants: VariantResult[];
}

export interface Group {
  key: string;
  model: string;
  dataset: string;
  ablation: string;
  epochs: number;
  runs: RunResult[];
}

export function groupRuns(runs: readonly RunResult[]): Group[] {
  const groups = new Map<string, Group>();
  for (const r of runs) {
    const key = `${r.model}/${r.dataset}/${r.ablation}/ep${r.epochs}`;
    const g = groups.get(key) ?? { key, model: r.model, dataset: r.dataset, ablation: r.ablation, epochs: r.epochs, runs: [] };
    g.runs.push(r);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** One variant's runs at each lr of a group (sorted by lr, then seed). */
export function cells(g: Group, norm: NormKind): Cell[] {
  const lrs = [...new Set(g.runs.map((r) => r.lr))].sort((a, b) => a - b);
  return lrs.map((lr) => {
    const runs = g.runs.filter((r) => r.lr === lr).sort((a, b) => a.seed - b.seed);
    const pairs = runs.flatMap((r) => r.variants.filter((v) => v.norm === norm).map((v) => ({ seed: r.seed, v })));
    return { lr, seeds: pairs.map((p) => p.seed), variants: pairs.map((p) => p.v) };
  });
}

export const bestLr = (cs: readonly Cell[]): number | undefined =>
  pickBestLr(cs.map((c) => ({ lr: c.lr, scores: c.variants.map((v) => v.validationAccuracy) })));

/** The lr both variants share: highest mean validation accuracy of the two together. */
export function sharedLr(a: readonly Cell[], b: readonly Cell[]): number | undefined {
  return pickBestLr(
    a.map((c) => ({
      lr: c.lr,
      scores: [...c.variants, ...(b.find((d) => d.lr === c.lr)?.variants ?? [])].map((v) => v.validationAccuracy),
    })),
  );
}

export interface CellStats {
  seeds: number;
  diverged: number;
  validation: ReturnType<typeof meanStd>;
  test: ReturnType<typeof meanStd>;
  testBatchStats: ReturnType<typeof meanStd>;
  loss: ReturnType<typeof meanStd>;
  /** Steps to the target loss over the seeds that reached it, and how many did. */
  toTarget: ReturnType<typeof meanStd>;
  reached: number;
  msPerStep: number;
}

const finite = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null && Number.isFinite(x));

export function cellStats(c: Cell, targetLoss: number): CellStats {
  const vs = c.variants;
  const steps = vs.map((v) => stepsToLoss(v.losses, targetLoss, LOSS_SMOOTHING));
  return {
    seeds: vs.length,
    diverged: vs.filter((v) => v.diverged).length,
    validation: meanStd(finite(vs.map((v) => v.validationAccuracy * 100))),
    test: meanStd(finite(vs.map((v) => v.testAccuracy * 100))),
    testBatchStats: meanStd(finite(vs.map((v) => v.testAccuracyBatchStats * 100))),
    loss: meanStd(finite(vs.map((v) => finalLoss(v.losses, LOSS_SMOOTHING)))),
    toTarget: meanStd(finite(steps)),
    reached: finite(steps).length,
    msPerStep: meanStd(vs.map((v) => v.msPerStep)).mean,
  };
}

/** Mean smoothed loss curve over a cell's seeds (null where any seed has no value). */
export function meanCurve(c: Cell): (number | null)[] {
  const curves = c.variants.map((v) => smoothed(v.losses, LOSS_SMOOTHING));
  const length = Math.min(...curves.map((s) => s.length));
  return Array.from({ length }, (_, i) => {
    const xs = curves.map((s) => s[i]);
    return xs.some((x) => x === null) ? null : (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
  });
}

/** Mean over seeds of a probe measure, per layer and probe step. */
export function probeCurves(
  c: Cell,
  pick: (p: { kurtosis: number; nearZero: number }) => number,
  where: 'pre' | 'post',
): Map<string, { step: number; value: number }[]> {
  const out = new Map<string, { step: number; value: number }[]>();
  const first = c.variants[0];
  if (!first) return out;
  for (const [i, p] of first.probes.entries()) {
    for (const layer of p.layers) {
      const values = c.variants
        .map((v) => v.probes[i]?.layers.find((l) => l.layer === layer.layer)?.[where])
        .filter((s) => s !== undefined)
        .map(pick);
      if (values.length === 0) continue;
      const list = out.get(layer.layer) ?? [];
      list.push({ step: p.step, value: values.reduce((a, b) => a + b, 0) / values.length });
      out.set(layer.layer, list);
    }
  }
  return out;
}
