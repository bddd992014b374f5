// SVG figures of the reproduction (docs/figures): loss vs step, accuracy vs lr, kurtosis vs step,
// and the MLP ablations' accuracy vs lr. Returns file name -> SVG text; pure.
import type { NormKind } from '../../src/train/protocol';
import { ablationNorm } from './ablations';
import { meanStd } from './metrics';
import { bestLr, cells, meanCurve, probeCurves, type Group } from './summary';
import { lineChart, type Series } from './svg';

const COLORS: Record<string, string> = { batchnorm: '#1f77b4', deconv: '#d62728' };
const NORMS: NormKind[] = ['batchnorm', 'deconv'];
const label = (g: Group): string => `${g.model}, ${g.dataset}, ${g.epochs} epoch${g.epochs > 1 ? 's' : ''}`;
const fileStem = (g: Group): string => `${g.model}-${g.dataset}-ep${g.epochs}`;

function lossFigure(g: Group): string {
  const series: Series[] = [];
  for (const norm of NORMS) {
    const cs = cells(g, norm);
    const lr = bestLr(cs);
    const c = cs.find((x) => x.lr === lr);
    if (!c) continue;
    const curve = meanCurve(c);
    const every = Math.max(1, Math.floor(curve.length / 200));
    series.push({
      name: `${norm} lr ${lr}`,
      color: COLORS[norm],
      points: curve.flatMap((y, i) => (i % every === 0 || i === curve.length - 1 ? [{ x: i + 1, y: y ?? NaN }] : [])),
    });
  }
  return lineChart({
    title: `Training loss (smoothed, mean of seeds), each at its best lr: ${label(g)}`,
    xLabel: 'step',
    yLabel: 'cross-entropy',
    series,
    logY: true,
  });
}

function accuracyFigure(g: Group): string {
  const series: Series[] = [];
  for (const norm of NORMS) {
    const cs = cells(g, norm);
    if (cs.every((c) => c.variants.length === 0)) continue;
    const pts = (pick: 'validationAccuracy' | 'testAccuracy'): { x: number; y: number; err: number }[] =>
      cs.map((c) => {
        const s = meanStd(c.variants.map((v) => (Number.isFinite(v[pick]) ? v[pick] * 100 : 0)));
        return { x: c.lr, y: s.mean, err: s.std };
      });
    series.push({ name: `${norm} validation`, color: COLORS[norm], points: pts('validationAccuracy') });
    series.push({ name: `${norm} test`, color: COLORS[norm], dashed: true, points: pts('testAccuracy') });
  }
  return lineChart({
    title: `Accuracy vs learning rate (mean ± std of seeds): ${label(g)}`,
    xLabel: 'learning rate (cosine from this value)',
    yLabel: 'accuracy %',
    series,
    logX: true,
  });
}

function kurtosisFigure(g: Group, where: 'pre' | 'post'): string {
  const series: Series[] = [];
  for (const norm of NORMS) {
    const cs = cells(g, norm);
    const c = cs.find((x) => x.lr === bestLr(cs));
    if (!c) continue;
    for (const [layer, pts] of probeCurves(c, (s) => s.kurtosis, where)) {
      series.push({
        name: `${norm} ${layer}`,
        color: COLORS[norm],
        dashed: !layer.endsWith('1'),
        points: pts.map((p) => ({ x: p.step, y: p.value })),
      });
    }
  }
  const what = where === 'pre' ? 'before ReLU' : 'after ReLU';
  return lineChart({
    title: `Kurtosis of activations ${what} (probe batch, each at its best lr): ${label(g)}`,
    xLabel: 'step',
    yLabel: 'kurtosis',
    series,
    logY: true,
  });
}

function ablationFigure(groups: readonly Group[], reference: Group | undefined): string {
  const validation = (c: ReturnType<typeof cells>[number]): number =>
    meanStd(c.variants.map((v) => (Number.isFinite(v.validationAccuracy) ? v.validationAccuracy * 100 : 0))).mean;
  const lrs = new Set(groups.flatMap((g) => g.runs.map((r) => r.lr)));
  const bn: Series[] = reference
    ? [
        {
          name: 'batch norm (protocol)',
          color: '#000',
          dashed: true,
          points: cells(reference, 'batchnorm')
            .filter((c) => lrs.has(c.lr))
            .map((c) => ({ x: c.lr, y: validation(c) })),
        },
      ]
    : [];
  const series: Series[] = groups.map((g) => ({
    name: g.ablation,
    dashed: g.ablation === 'plain',
    points: cells(g, ablationNorm(g.ablation)).map((c) => ({ x: c.lr, y: validation(c) })),
  }));
  series.push(...bn);
  return lineChart({
    title: 'MLP ablations (MNIST, 1 epoch, mean of seeds): validation accuracy vs lr',
    height: 420,
    xLabel: 'learning rate',
    yLabel: 'validation accuracy %',
    series,
    logX: true,
  });
}

export function figures(groups: readonly Group[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups.filter((x) => x.ablation === 'main')) {
    out.set(`loss-${fileStem(g)}.svg`, lossFigure(g));
    out.set(`accuracy-vs-lr-${fileStem(g)}.svg`, accuracyFigure(g));
    out.set(`kurtosis-post-${fileStem(g)}.svg`, kurtosisFigure(g, 'post'));
    out.set(`kurtosis-pre-${fileStem(g)}.svg`, kurtosisFigure(g, 'pre'));
  }
  const ablations = groups.filter((x) => x.ablation !== 'main' && x.model === 'mlp' && x.dataset === 'mnist' && x.epochs === 1);
  const reference = groups.find((g) => g.ablation === 'main' && g.model === 'mlp' && g.dataset === 'mnist' && g.epochs === 1);
  if (ablations.length > 0) out.set('ablations-mlp-mnist.svg', ablationFigure(ablations, reference));
  return out;
}
