// The three dashboard panels (each can fill the screen in lecture mode).
import { useRef, useState, type RefObject } from 'react';
import { activationName } from '../../nn/models/catalog';
import { useShellStore } from '../../state/shellStore';
import type { RunModel } from '../../state/trainingRun';
import type { TrainingParams } from '../../state/urlHashSchema';
import { downloadBlob, downloadText, svgMarkup, svgToPng } from './run/download';
import { exportFileName } from './run/exportRun';
import { KernelGrid, kernelCaption } from './kernels/KernelGrid';
import type { KernelColourMode } from './kernels/kernelImage';
import { LossChart } from './charts/LossChart';
import { SPARSITY_CAPTION, SparsityPanel } from './charts/SparsityPanel';
import { useElementWidth } from './useElementWidth';
import { CHART_PALETTES, VARIANT_COLOUR, VARIANT_NAME, VARIANT_TEXT_COLOUR } from './variantStyle';
import { formatKurtosis, formatPercent } from './charts/histogramMath';

export type PanelId = 'kernels' | 'curves' | 'sparsity';
export const PANEL_ORDER: readonly PanelId[] = ['kernels', 'curves', 'sparsity'];

interface PanelProps {
  run: RunModel;
  params: TrainingParams;
  lecture: boolean;
}

function SvgExport({ svgRef, params, what }: { svgRef: RefObject<SVGSVGElement | null>; params: TrainingParams; what: string }) {
  const exportSvg = () => {
    if (svgRef.current) downloadText(svgMarkup(svgRef.current), exportFileName(params, what, 'svg'), 'image/svg+xml');
  };
  const exportPng = () => {
    const svg = svgRef.current;
    if (!svg) return;
    void svgToPng(svgMarkup(svg), svg.width.baseVal.value, svg.height.baseVal.value).then((blob) =>
      downloadBlob(blob, exportFileName(params, what, 'png')),
    );
  };
  return (
    <span className="export-row">
      <button type="button" className="link-button" onClick={exportPng} aria-label={`Download ${what} chart as PNG`}>
        PNG
      </button>
      <button type="button" className="link-button" onClick={exportSvg} aria-label={`Download ${what} chart as SVG`}>
        SVG
      </button>
    </span>
  );
}

export function KernelsPanel({ run, params, lecture }: PanelProps) {
  const ref = useRef<HTMLElement | null>(null);
  const width = useElementWidth(ref, 1200);
  const [mode, setMode] = useState<KernelColourMode>('diverging');
  const norms = run.variants.length > 0 ? run.variants.map((v) => v.norm) : params.norms;
  // Side by side normally; in lecture mode one row per variant, so each gets the full width.
  const columns = lecture ? 1 : Math.max(1, norms.length);
  const columnWidth = Math.floor((width - (columns - 1) * 16) / columns) - 8;
  const gridHeight = lecture ? Math.max(80, Math.round((window.innerHeight - 120) / norms.length) - 110) : 84;
  return (
    <section ref={ref} className="panel panel-kernels" data-panel="kernels" aria-label="First-layer kernels">
      <div className="variant-columns" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
        {norms.map((norm) => {
          const variant = run.variants.find((v) => v.norm === norm);
          const first = variant?.activations?.[0];
          return (
            <div key={norm} className="variant-column" style={{ borderTopColor: VARIANT_COLOUR[norm] }}>
              <header className="variant-header">
                <h2 className="variant-heading" style={{ color: VARIANT_TEXT_COLOUR[norm] }}>
                  {VARIANT_NAME[norm]}
                  {variant?.diverged && <span className="badge-error"> diverged</span>}
                </h2>
                <span className="variant-subtitle">first-layer kernels</span>
                {first && (
                  <span
                    className="variant-stats num"
                    title={`${first.layer} activations before ${activationName(params.model)}, on the probe batch`}
                  >
                    {first.layer}: kurtosis <strong>{formatKurtosis(first.pre.kurtosis)}</strong>, near-zero{' '}
                    <strong>{formatPercent(first.pre.nearZeroFraction)}</strong>
                  </span>
                )}
              </header>
              <KernelGrid
                norm={norm}
                kernels={variant?.kernels}
                mode={mode}
                width={columnWidth}
                height={gridHeight}
                fileName={(what, ext) => exportFileName(params, what, ext)}
              />
              <p className="caption">{kernelCaption(norm, variant?.kernels)}</p>
            </div>
          );
        })}
      </div>
      {params.dataset === 'cifar10' && (
        <label className="inline-toggle">
          <input type="checkbox" checked={mode === 'rgb'} onChange={(e) => setMode(e.target.checked ? 'rgb' : 'diverging')} /> show
          3-channel kernels as an RGB composite
        </label>
      )}
    </section>
  );
}

export function CurvesPanel({ run, params, lecture }: PanelProps) {
  const ref = useRef<HTMLElement | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const width = useElementWidth(ref, 760);
  const palette = CHART_PALETTES[useShellStore((s) => s.theme)];
  const [logScale, setLogScale] = useState(false);
  const [smoothing, setSmoothing] = useState(0.6);
  const height = lecture ? Math.max(300, window.innerHeight - 190) : 250;
  return (
    <section ref={ref} className="panel panel-curves" data-panel="curves" aria-label="Loss and test accuracy">
      <header className="panel-header">
        <h2 className="panel-title">Loss and test accuracy</h2>
        <label className="inline-toggle">
          <input type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} /> log scale
        </label>
        <label className="inline-toggle">
          smoothing{' '}
          <select value={smoothing} onChange={(e) => setSmoothing(Number(e.target.value))} aria-label="smoothing">
            <option value={0}>off</option>
            <option value={0.6}>0.6</option>
            <option value={0.9}>0.9</option>
            <option value={0.98}>0.98</option>
          </select>
        </label>
        <SvgExport svgRef={svgRef} params={params} what="loss" />
      </header>
      <div data-testid="loss-chart" className="chart-box">
        <LossChart
          variants={run.variants}
          stepsPerEpoch={run.stepsPerEpoch}
          totalSteps={run.totalSteps}
          width={width - 26}
          height={height}
          logScale={logScale}
          smoothing={smoothing}
          svgRef={svgRef}
          fontScale={lecture ? 1.6 : 1}
          palette={palette}
        />
      </div>
      <p className="caption">
        Solid: training loss (smoothed); dashed: test accuracy. Both networks see the same batches from the same initial weights; only the
        normalisation differs.
      </p>
    </section>
  );
}

export function SparsitySection({ run, params, lecture }: PanelProps) {
  const ref = useRef<HTMLElement | null>(null);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const width = useElementWidth(ref, 440);
  const palette = CHART_PALETTES[useShellStore((s) => s.theme)];
  return (
    <section ref={ref} className="panel panel-sparsity" data-panel="sparsity" aria-label="Activation sparsity">
      <header className="panel-header">
        <h2 className="panel-title">Activation sparsity</h2>
        <SvgExport svgRef={svgRef} params={params} what="activations" />
      </header>
      <SparsityPanel
        variants={run.variants}
        width={width - 26}
        height={lecture ? Math.round(window.innerHeight * 0.5) : 170}
        svgRef={svgRef}
        fontScale={lecture ? 1.6 : 1}
        palette={palette}
        activation={activationName(params.model)}
      />
      <p className="caption">{SPARSITY_CAPTION}</p>
    </section>
  );
}
