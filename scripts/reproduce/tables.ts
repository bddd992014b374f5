// Markdown tables of the reproduction report, from grouped finished runs. Pure.
import type { NormKind } from '../../src/train/protocol';
import { ablationNamed, ablationNorm } from './ablations';
import { cnnAblationNamed, isCnnAblation } from './cnnAblations';
import { bestLr, cells, cellStats, probeCurves, sharedLr, type CellStats, type Group } from './summary';

const NORMS: NormKind[] = ['batchnorm', 'deconv'];
const pm = (s: { mean: number; std: number; n: number }, digits = 2): string =>
  s.n === 0 ? '–' : `${s.mean.toFixed(digits)} ± ${s.std.toFixed(digits)}`;
const steps = (s: CellStats): string =>
  s.reached === 0 ? `never (0/${s.seeds})` : `${s.toTarget.mean.toFixed(0)} (${s.reached}/${s.seeds})`;
const div = (s: CellStats): string => (s.diverged > 0 ? ` (${s.diverged} diverged)` : '');

export function bestLrTable(groups: readonly Group[], target: number): string[] {
  const rows = [
    `| model | dataset | epochs | variant | lr picked on validation | seeds | validation acc % | test acc % | final train loss | steps to loss ≤ ${target} | ms/step |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const g of groups) {
    for (const norm of NORMS) {
      const cs = cells(g, norm);
      const lr = bestLr(cs);
      const c = cs.find((x) => x.lr === lr);
      if (!c) continue;
      const s = cellStats(c, target);
      rows.push(
        `| ${g.model} | ${g.dataset} | ${g.epochs} | ${norm} | ${lr} (of ${cs.map((x) => x.lr).join(', ')}) | ${s.seeds}${div(s)} | ${pm(s.validation)} | ${pm(s.test)} | ${pm(s.loss, 3)} | ${steps(s)} | ${s.msPerStep.toFixed(0)} |`,
      );
    }
  }
  return rows;
}

export function sameLrTable(groups: readonly Group[], target: number): string[] {
  const rows = [
    `| model | dataset | epochs | lr | seeds | BN test % | ND test % | BN final loss | ND final loss | BN steps to ≤ ${target} | ND steps to ≤ ${target} |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const g of groups) {
    const bn = cells(g, 'batchnorm');
    const nd = cells(g, 'deconv');
    const shared = sharedLr(bn, nd);
    for (const c of bn) {
      const d = nd.find((x) => x.lr === c.lr);
      if (!d) continue;
      const a = cellStats(c, target);
      const b = cellStats(d, target);
      const lr = c.lr === shared ? `**${c.lr}** (shared pick)` : String(c.lr);
      rows.push(
        `| ${g.model} | ${g.dataset} | ${g.epochs} | ${lr} | ${a.seeds} | ${pm(a.test)}${div(a)} | ${pm(b.test)}${div(b)} | ${pm(a.loss, 3)} | ${pm(b.loss, 3)} | ${steps(a)} | ${steps(b)} |`,
      );
    }
  }
  return rows;
}

export function evalPathTable(groups: readonly Group[]): string[] {
  const rows = [
    "| model | dataset | epochs | variant | lr | test acc %, running statistics (eval mode) | test acc %, each test batch's own statistics |",
    '|---|---|---|---|---|---|---|',
  ];
  for (const g of groups) {
    for (const norm of NORMS) {
      const cs = cells(g, norm);
      const c = cs.find((x) => x.lr === bestLr(cs));
      if (!c) continue;
      const s = cellStats(c, 1);
      rows.push(`| ${g.model} | ${g.dataset} | ${g.epochs} | ${norm} | ${c.lr} | ${pm(s.test)} | ${pm(s.testBatchStats)} |`);
    }
  }
  return rows;
}

export function sparsityTable(groups: readonly Group[]): string[] {
  const rows = [
    '| model | dataset | epochs | variant (lr) | layer | kurtosis pre: init → end | near-zero pre: init → end | kurtosis post: init → end | near-zero post: init → end |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const f = (pts: { value: number }[] | undefined, digits: number): string =>
    pts && pts.length > 0 ? `${pts[0].value.toFixed(digits)} → ${pts[pts.length - 1].value.toFixed(digits)}` : '–';
  for (const g of groups) {
    for (const norm of NORMS) {
      const cs = cells(g, norm);
      const c = cs.find((x) => x.lr === bestLr(cs));
      if (!c) continue;
      const kPre = probeCurves(c, (s) => s.kurtosis, 'pre');
      const zPre = probeCurves(c, (s) => s.nearZero, 'pre');
      const kPost = probeCurves(c, (s) => s.kurtosis, 'post');
      const zPost = probeCurves(c, (s) => s.nearZero, 'post');
      for (const layer of kPre.keys()) {
        rows.push(
          `| ${g.model} | ${g.dataset} | ${g.epochs} | ${norm} (${c.lr}) | ${layer} | ${f(kPre.get(layer), 1)} | ${f(zPre.get(layer), 3)} | ${f(kPost.get(layer), 1)} | ${f(zPost.get(layer), 3)} |`,
        );
      }
    }
  }
  return rows;
}

export function inputWhiteningTable(groups: readonly Group[]): string[] {
  const rows = ['| model | dataset | input | kurtosis | near-zero fraction |', '|---|---|---|---|---|'];
  for (const g of groups) {
    const r = g.runs.find((x) => x.inputWhitening);
    if (!r?.inputWhitening) continue;
    const { raw, whitened } = r.inputWhitening;
    rows.push(`| ${g.model} | ${g.dataset} | raw pixels | ${raw.kurtosis.toFixed(2)} | ${raw.nearZero.toFixed(3)} |`);
    rows.push(
      `| ${g.model} | ${g.dataset} | after the input layer's deconvolution | ${whitened.kurtosis.toFixed(2)} | ${whitened.nearZero.toFixed(3)} |`,
    );
  }
  return rows;
}

const describeAblation = (name: string): string => (isCnnAblation(name) ? cnnAblationNamed(name) : ablationNamed(name)).description;

/** MLP or CNN ablations, with batch norm's and deconvolution's protocol rows (reference) above them. */
export function ablationTable(ablations: readonly Group[], reference: Group | undefined, target: number): string[] {
  const rows = [
    '| run | what changes | lr picked on validation | seeds | validation acc % | test acc % | final train loss | test acc % at lr 0.1 |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const line = (name: string, what: string, cs: ReturnType<typeof cells>): void => {
    const lr = bestLr(cs);
    const c = cs.find((x) => x.lr === lr);
    if (!c) return;
    const s = cellStats(c, target);
    const at = cs.find((x) => x.lr === 0.1);
    rows.push(
      `| ${name} | ${what} | ${lr} | ${s.seeds}${div(s)} | ${pm(s.validation)} | ${pm(s.test)} | ${pm(s.loss, 3)} | ${at ? pm(cellStats(at, target).test) : '–'} |`,
    );
  };
  if (reference) line('batch norm (protocol grid)', 'reference', cells(reference, 'batchnorm'));
  if (reference) line('deconv (protocol grid)', 'app model, protocol settings', cells(reference, 'deconv'));
  for (const g of ablations) line(g.ablation, describeAblation(g.ablation), cells(g, ablationNorm(g.ablation)));
  return rows;
}
