// The cost ablations' table (block size, refresh schedule; issue #13): each against the protocol's
// deconvolution (block 64, statistics every step) on the same model, dataset, learning rates and
// seeds, with the decision rule "a cheaper default may cost at most the seed-to-seed standard
// deviation of test accuracy". Pure.
import { COST_ABLATIONS, ablationNamed } from './ablations';
import { cnnAblationNamed, COST_CNN_ABLATIONS } from './cnnAblations';
import { meanStd } from './metrics';
import { bestLr, cells, cellStats, type Cell, type Group } from './summary';

export const isCostAblation = (name: string): boolean => COST_ABLATIONS.includes(name) || COST_CNN_ABLATIONS.includes(name);

const ORDER = [...COST_ABLATIONS, ...COST_CNN_ABLATIONS];
const describe = (name: string): string => (COST_CNN_ABLATIONS.includes(name) ? cnnAblationNamed(name) : ablationNamed(name)).description;
const pm = (s: { mean: number; std: number; n: number }): string => (s.n === 0 ? '–' : `${s.mean.toFixed(2)} ± ${s.std.toFixed(2)}`);
const testOf = (c: Cell | undefined) => meanStd((c?.variants ?? []).map((v) => v.testAccuracy * 100).filter(Number.isFinite));

/** The reference's cells cut to the ablation's learning rates and, at each, its seeds (a paired comparison). */
export function pairedCells(reference: readonly Cell[], ablation: readonly Cell[]): Cell[] {
  return ablation.flatMap((a) => {
    const r = reference.find((c) => c.lr === a.lr);
    if (!r) return [];
    const keep = r.seeds.map((s, i) => (a.seeds.includes(s) ? i : -1)).filter((i) => i >= 0);
    return [{ lr: a.lr, seeds: keep.map((i) => r.seeds[i]), variants: keep.map((i) => r.variants[i]) }];
  });
}

/** Accuracy drop (percentage points) of `b` against `a`, and whether it is within a's seed-to-seed sd. */
export function verdict(a: { mean: number; std: number; n: number }, b: { mean: number; std: number; n: number }): string {
  if (a.n < 2 || b.n === 0) return '–';
  const drop = a.mean - b.mean;
  const shown = `${drop >= 0 ? '−' : '+'}${Math.abs(drop).toFixed(2)}`;
  return `${shown} (${drop <= a.std ? 'within' : 'beyond'} sd ${a.std.toFixed(2)})`;
}

/**
 * Rows per model and dataset: the protocol's deconvolution (paired to the ablations' lrs and seeds),
 * then each cost ablation. `main` are the protocol groups; the deconvolution variant's lr picked there
 * on validation is "the protocol's lr".
 */
export function costTable(ablations: readonly Group[], main: readonly Group[], target: number): string[] {
  const rows = [
    "| model | dataset | run | what changes | lr picked on validation | seeds | validation acc % | test acc % | test acc % at the protocol's lr | change at the protocol's lr, pp | ms/step |",
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const keys = [...new Set(ablations.map((g) => `${g.model}/${g.dataset}/${g.epochs}`))].sort();
  for (const key of keys) {
    const mine = ablations
      .filter((g) => `${g.model}/${g.dataset}/${g.epochs}` === key)
      .sort((a, b) => ORDER.indexOf(a.ablation) - ORDER.indexOf(b.ablation));
    const [first] = mine;
    const ref = main.find((g) => g.model === first.model && g.dataset === first.dataset && g.epochs === first.epochs);
    const refAll = ref ? cells(ref, 'deconv') : [];
    const protocolLr = bestLr(refAll);
    const line = (name: string, what: string, cs: Cell[], refAt: Cell | undefined): void => {
      const lr = bestLr(cs);
      const c = cs.find((x) => x.lr === lr);
      if (!c) return;
      const s = cellStats(c, target);
      const at = testOf(cs.find((x) => x.lr === protocolLr));
      const change = refAt && cs.find((x) => x.lr === protocolLr) ? verdict(testOf(refAt), at) : '–';
      rows.push(
        `| ${first.model} | ${first.dataset} | ${name} | ${what} | ${lr} (of ${cs.map((x) => x.lr).join(', ')}) | ${s.seeds} | ${pm(s.validation)} | ${pm(s.test)} | ${at.n > 0 ? `${pm(at)} (lr ${protocolLr})` : '–'} | ${change} | ${s.msPerStep.toFixed(0)} |`,
      );
    };
    // The reference row: paired with the ablation that ran the most seeds; each change: with that ablation's own seeds.
    const widest = [...mine].sort((a, b) => b.runs.length - a.runs.length)[0];
    line(
      'deconv (protocol)',
      'block 64, statistics every step (the same lrs and seeds)',
      pairedCells(refAll, cells(widest, 'deconv')),
      undefined,
    );
    for (const g of mine) {
      const own = cells(g, 'deconv');
      line(
        g.ablation,
        describe(g.ablation),
        own,
        pairedCells(refAll, own).find((x) => x.lr === protocolLr),
      );
    }
  }
  return rows;
}
