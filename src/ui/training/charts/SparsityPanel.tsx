// Activation histograms of every variant on the same probe batch, overlaid with transparent
// variant colours, for a chosen layer; kurtosis and near-zero share per layer in a table.
import * as d3 from 'd3';
import { useState, type RefObject } from 'react';
import type { VariantHistory } from '../../../state/trainingRun';
import { densityOutline, formatKurtosis, formatPercent, histogramRange } from './histogramMath';
import {
  CHART_FONT,
  type ChartPalette,
  VARIANT_COLOUR,
  VARIANT_FILL,
  VARIANT_NAME,
  VARIANT_SHORT,
  VARIANT_TEXT_COLOUR,
} from '../variantStyle';

type Stage = 'pre' | 'post';

interface SparsityPanelProps {
  variants: VariantHistory[];
  width: number;
  height: number;
  svgRef: RefObject<SVGSVGElement | null>;
  fontScale?: number;
  palette: ChartPalette;
  /** The model's non-linearity: the histograms are taken before and after it. */
  activation: string;
}

/** Room around the plot for tick and axis labels (descenders included), growing with the font size. */
function marginsFor(font: number) {
  return { top: Math.ceil(0.65 * font) + 2, right: 12, bottom: Math.ceil(2.5 * font + 8), left: Math.ceil(2.2 * font + 20) };
}

export const SPARSITY_CAPTION =
  'Kurtosis = E[(v − mean)⁴] / variance²: 3 for a bell curve, higher when most values sit near zero with a few large ones (sparse). Near-zero = share of values within 0.1 standard deviations of the mean.';

export function SparsityPanel({ variants, width, height, svgRef, fontScale = 1, palette, activation }: SparsityPanelProps) {
  const layers = [...new Set(variants.flatMap((v) => (v.activations ?? []).map((a) => a.layer)))];
  const [chosenLayer, setLayer] = useState<string | null>(null);
  const [stage, setStage] = useState<Stage>('pre');
  const layer = chosenLayer !== null && layers.includes(chosenLayer) ? chosenLayer : (layers[0] ?? null);
  const font = 12 * fontScale;

  const entries = variants.flatMap((v) => {
    const activation = v.activations?.find((a) => a.layer === layer);
    return activation ? [{ norm: v.norm, data: activation[stage] }] : [];
  });
  const MARGIN = marginsFor(font);
  const innerWidth = Math.max(40, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(40, height - MARGIN.top - MARGIN.bottom);
  const outlines = entries.map((entry) => ({ norm: entry.norm, points: densityOutline(entry.data) }));
  const x = d3
    .scaleLinear()
    .domain(histogramRange(entries.map((e) => e.data)))
    .range([0, innerWidth]);
  const yMax = d3.max(outlines.flatMap((o) => o.points.map((p) => p.density))) ?? 1;
  const y = d3
    .scaleLinear()
    .domain([0, yMax > 0 ? yMax : 1])
    .range([innerHeight, 0])
    .nice();
  const area = d3
    .area<{ x: number; density: number }>()
    .x((p) => x(p.x))
    .y0(innerHeight)
    .y1((p) => y(p.density));

  return (
    <div className="sparsity" data-testid="sparsity-histogram">
      <div className="sparsity-controls">
        <label>
          layer{' '}
          <select value={layer ?? ''} onChange={(event) => setLayer(event.target.value)} disabled={layers.length === 0}>
            {layers.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <span role="group" aria-label="Activation stage" className="tv-segmented">
          <button type="button" className="button" aria-pressed={stage === 'pre'} onClick={() => setStage('pre')}>
            before {activation}
          </button>
          <button type="button" className="button" aria-pressed={stage === 'post'} onClick={() => setStage('post')}>
            after {activation}
          </button>
        </span>
      </div>
      {entries.length === 0 ? (
        <p className="caption">Activation histograms appear after the first snapshot with a probe batch.</p>
      ) : (
        <svg
          ref={svgRef}
          width={width}
          height={height}
          role="img"
          aria-label={`Activation histogram of ${layer}`}
          fontFamily={CHART_FONT}
          xmlns="http://www.w3.org/2000/svg"
        >
          <rect width={width} height={height} fill={palette.background} />
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            {y.ticks(4).map((tick) => (
              <g key={tick} transform={`translate(0,${y(tick)})`}>
                <line x2={innerWidth} stroke={palette.grid} />
                <text x={-5} dy="0.32em" textAnchor="end" fontSize={font} fill={palette.text}>
                  {d3.format('~g')(tick)}
                </text>
              </g>
            ))}
            {x.ticks(6).map((tick) => (
              <text key={tick} x={x(tick)} y={innerHeight + font + 4} textAnchor="middle" fontSize={font} fill={palette.text}>
                {d3.format('~g')(tick)}
              </text>
            ))}
            <text x={innerWidth / 2} y={innerHeight + 2 * font + 6} textAnchor="middle" fontSize={font} fill={palette.text}>
              {`activation value (${layer}, ${stage === 'pre' ? 'before' : 'after'} ${activation})`}
            </text>
            <text
              transform={`translate(${-MARGIN.left + font},${innerHeight / 2}) rotate(-90)`}
              textAnchor="middle"
              fontSize={font}
              fill={palette.text}
            >
              density
            </text>
            {outlines.map((o) => (
              <path
                key={o.norm}
                d={area(o.points) ?? ''}
                fill={VARIANT_FILL[o.norm]}
                stroke={VARIANT_COLOUR[o.norm]}
                strokeWidth={1.5}
                data-variant={o.norm}
              />
            ))}
          </g>
        </svg>
      )}
      <table className="sparsity-table num">
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              layer
            </th>
            {variants.map((v) => (
              <th key={v.norm} scope="col" colSpan={2} style={{ color: VARIANT_TEXT_COLOUR[v.norm] }}>
                {VARIANT_SHORT[v.norm]}
              </th>
            ))}
          </tr>
          <tr>
            {variants.map((v) => [
              <th key={`${v.norm}k`} scope="col">
                kurtosis
              </th>,
              <th key={`${v.norm}z`} scope="col">
                near-zero
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {layers.map((name) => (
            <tr key={name} aria-selected={name === layer} onClick={() => setLayer(name)}>
              <th scope="row">{name}</th>
              {variants.map((v) => {
                const stats = v.activations?.find((a) => a.layer === name)?.[stage];
                return [
                  <td key={`${v.norm}k`} title={`${VARIANT_NAME[v.norm]} kurtosis`}>
                    {stats ? formatKurtosis(stats.kurtosis) : '–'}
                  </td>,
                  <td key={`${v.norm}z`} title={`${VARIANT_NAME[v.norm]} near-zero share`}>
                    {stats ? formatPercent(stats.nearZeroFraction) : '–'}
                  </td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
