// Train loss (solid, left axis) and test accuracy (dashed, right axis) of every variant on shared
// axes, with epoch markers and a hover read-out. d3 supplies scales and path generators; React
// renders the SVG (with inline styles so an exported file looks the same).
import * as d3 from 'd3';
import { useMemo, useState, type MouseEvent, type RefObject } from 'react';
import type { VariantHistory } from '../../../state/trainingRun';
import { AnnotationLabels } from './AnnotationLabels';
import { epochBoundaries, finiteExtent, nearestIndex, smoothSeries } from './chartMath';
import { CHART_FONT, type ChartPalette, VARIANT_COLOUR, VARIANT_NAME, VARIANT_SHORT } from '../variantStyle';

interface LossChartProps {
  variants: VariantHistory[];
  stepsPerEpoch: number;
  totalSteps: number;
  width: number;
  height: number;
  logScale: boolean;
  smoothing: number;
  svgRef: RefObject<SVGSVGElement | null>;
  fontScale?: number;
  palette: ChartPalette;
}

interface Series {
  norm: VariantHistory['norm'];
  steps: number[];
  losses: number[];
  accuracy: { step: number; accuracy: number }[];
}

export function LossChart({
  variants,
  stepsPerEpoch,
  totalSteps,
  width,
  height,
  logScale,
  smoothing,
  svgRef,
  fontScale = 1,
  palette,
}: LossChartProps) {
  const [hoverStep, setHoverStep] = useState<number | null>(null);
  // Right and bottom margins grow with the type (lecture mode): tick labels plus the rotated or lower axis label, descenders included.
  const MARGIN = { top: 12, right: 8 + 46 * fontScale, bottom: 12 + 28 * fontScale, left: 40 + 16 * fontScale };
  const series: Series[] = useMemo(
    () =>
      variants.map((variant) => ({
        norm: variant.norm,
        steps: variant.losses.map((p) => p.step),
        losses: smoothSeries(
          variant.losses.map((p) => p.loss),
          smoothing,
        ),
        accuracy: variant.test,
      })),
    [variants, smoothing],
  );
  const innerWidth = Math.max(50, width - MARGIN.left - MARGIN.right);
  const innerHeight = Math.max(50, height - MARGIN.top - MARGIN.bottom);
  const lastStep = Math.max(1, ...series.map((s) => s.steps[s.steps.length - 1] ?? 0));
  const xMax = Math.max(lastStep, Math.min(totalSteps, lastStep * 1.1));
  const x = d3.scaleLinear().domain([0, xMax]).range([0, innerWidth]);
  const lossExtent = finiteExtent(
    series.flatMap((s) => s.losses),
    logScale,
    logScale ? [0.1, 3] : [0, 3],
  );
  const y = logScale
    ? d3.scaleLog().domain(lossExtent).range([innerHeight, 0]).nice()
    : d3
        .scaleLinear()
        .domain([Math.min(0, lossExtent[0]), lossExtent[1]])
        .range([innerHeight, 0])
        .nice();
  const yAcc = d3.scaleLinear().domain([0, 1]).range([innerHeight, 0]);
  const font = 12 * fontScale;

  function pathFor(s: Series): string {
    const line = d3
      .line<number>()
      .defined((value) => Number.isFinite(value) && (!logScale || value > 0))
      .x((_, i) => x(s.steps[i]))
      .y((value) => y(value));
    return line(s.losses) ?? '';
  }
  const accuracyLine = d3
    .line<{ step: number; accuracy: number }>()
    .defined((p) => Number.isFinite(p.accuracy))
    .x((p) => x(p.step))
    .y((p) => yAcc(p.accuracy));

  function onMove(event: MouseEvent<SVGRectElement>) {
    const bounds = event.currentTarget.getBoundingClientRect();
    setHoverStep(Math.round(x.invert(event.clientX - bounds.left)));
  }

  const epochs = epochBoundaries(stepsPerEpoch, xMax);
  const yTicks = logScale ? y.ticks(5).filter((_, i, all) => all.length <= 8 || i % 2 === 0) : y.ticks(5);
  const hover = hoverStep === null ? null : readOut(series, hoverStep, palette.ink);

  return (
    <svg
      ref={svgRef}
      width={width}
      height={height}
      role="img"
      aria-label="Training loss and test accuracy per variant"
      fontFamily={CHART_FONT}
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={width} height={height} fill={palette.background} />
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        {yTicks.map((tick) => (
          <g key={`y${tick}`} transform={`translate(0,${y(tick)})`}>
            <line x2={innerWidth} stroke={palette.grid} strokeWidth={1} />
            <text x={-6} dy="0.32em" textAnchor="end" fontSize={font} fill={palette.text}>
              {d3.format(logScale ? '~g' : '.2~f')(tick)}
            </text>
          </g>
        ))}
        {yAcc.ticks(5).map((tick) => (
          <text key={`a${tick}`} x={innerWidth + 6} y={yAcc(tick)} dy="0.32em" fontSize={font} fill={palette.text}>
            {`${Math.round(tick * 100)}%`}
          </text>
        ))}
        {x
          .ticks(6)
          .filter(Number.isInteger)
          .map((tick) => (
            <text key={`x${tick}`} x={x(tick)} y={innerHeight + font + 4} textAnchor="middle" fontSize={font} fill={palette.text}>
              {tick}
            </text>
          ))}
        {epochs.map((step, index) => (
          <g key={`e${step}`}>
            <line x1={x(step)} x2={x(step)} y2={innerHeight} stroke={palette.ink} strokeDasharray="2 4" strokeWidth={1} />
            {/* Near the right edge the label goes left of its marker and to the bottom, clear of the accuracy axis and the legend. */}
            {x(step) + 4 + 4.5 * font > innerWidth ? (
              <text x={x(step) - 4} y={innerHeight - 4} textAnchor="end" fontSize={font} fill={palette.text}>{`epoch ${index + 1}`}</text>
            ) : (
              <text x={x(step) + 4} y={font} fontSize={font} fill={palette.text}>{`epoch ${index + 1}`}</text>
            )}
          </g>
        ))}
        <line y1={innerHeight} x2={innerWidth} y2={innerHeight} stroke={palette.text} />
        <text x={innerWidth / 2} y={innerHeight + 2 * font + 8} textAnchor="middle" fontSize={font} fill={palette.text}>
          training step
        </text>
        <text
          transform={`translate(${-MARGIN.left + font},${innerHeight / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={font}
          fill={palette.text}
        >
          {`train loss${logScale ? ' (log)' : ''} —`}
        </text>
        <text
          transform={`translate(${innerWidth + MARGIN.right - 12 * fontScale},${innerHeight / 2}) rotate(90)`}
          textAnchor="middle"
          fontSize={font}
          fill={palette.text}
        >
          test accuracy - -
        </text>
        {series.map((s) => (
          <g key={s.norm} data-variant={s.norm}>
            <path d={pathFor(s)} fill="none" stroke={VARIANT_COLOUR[s.norm]} strokeWidth={2 * fontScale} />
            <path
              d={accuracyLine(s.accuracy) ?? ''}
              fill="none"
              stroke={VARIANT_COLOUR[s.norm]}
              strokeWidth={2 * fontScale}
              strokeDasharray="6 4"
            />
            {s.losses.length > 0 && Number.isFinite(s.losses[s.losses.length - 1]) && (!logScale || s.losses[s.losses.length - 1] > 0) && (
              <circle
                cx={x(s.steps[s.steps.length - 1])}
                cy={y(s.losses[s.losses.length - 1])}
                r={3 * fontScale}
                fill={VARIANT_COLOUR[s.norm]}
              />
            )}
            {s.accuracy.length > 0 && (
              <circle
                cx={x(s.accuracy[s.accuracy.length - 1].step)}
                cy={yAcc(s.accuracy[s.accuracy.length - 1].accuracy)}
                r={3.5 * fontScale}
                fill={VARIANT_COLOUR[s.norm]}
              />
            )}
          </g>
        ))}
        <g transform={`translate(${innerWidth - 150 * fontScale},${font})`}>
          {series.map((s, index) => (
            <g key={s.norm} transform={`translate(0,${index * (font + 6)})`}>
              <line x2={18 * fontScale} y1={-font / 3} y2={-font / 3} stroke={VARIANT_COLOUR[s.norm]} strokeWidth={3 * fontScale} />
              <text x={24 * fontScale} fontSize={font} fontWeight={700} fill={VARIANT_COLOUR[s.norm]}>
                {VARIANT_NAME[s.norm]}
              </text>
            </g>
          ))}
        </g>
        <AnnotationLabels
          series={series}
          x={x}
          y={(loss) => (logScale && loss <= 0 ? Number.NaN : y(loss))}
          yAccuracy={yAcc}
          innerWidth={innerWidth}
          innerHeight={innerHeight}
          legend={{ x: innerWidth - 150 * fontScale, y: 0, width: 150 * fontScale, height: series.length * (font + 6) + 6 }}
          endRadius={3.5 * fontScale}
          font={font}
          palette={palette}
        />
        {hover && (
          <g pointerEvents="none">
            <line x1={x(hover.step)} x2={x(hover.step)} y2={innerHeight} stroke={palette.ink} strokeWidth={1} />
            <rect
              x={Math.min(x(hover.step) + 8, innerWidth - 190)}
              y={4}
              width={182}
              height={hover.lines.length * (font + 4) + 8}
              fill={palette.background}
              stroke={palette.grid}
              rx={4}
            />
            {hover.lines.map((line, index) => (
              <text
                key={line.text}
                x={Math.min(x(hover.step) + 14, innerWidth - 184)}
                y={4 + (index + 1) * (font + 4)}
                fontSize={font}
                fill={line.colour}
              >
                {line.text}
              </text>
            ))}
          </g>
        )}
        <rect width={innerWidth} height={innerHeight} fill="transparent" onMouseMove={onMove} onMouseLeave={() => setHoverStep(null)} />
      </g>
    </svg>
  );
}

function readOut(series: Series[], step: number, ink: string): { step: number; lines: { text: string; colour: string }[] } | null {
  const lines: { text: string; colour: string }[] = [];
  let shownStep = step;
  for (const s of series) {
    const index = nearestIndex(s.steps, step);
    if (index < 0) continue;
    shownStep = s.steps[index];
    const acc = [...s.accuracy].reverse().find((p) => p.step <= shownStep);
    const accText = acc ? `, test ${(acc.accuracy * 100).toFixed(1)}%` : '';
    lines.push({ text: `${VARIANT_SHORT[s.norm]}: loss ${s.losses[index].toFixed(3)}${accText}`, colour: VARIANT_COLOUR[s.norm] });
  }
  if (lines.length === 0) return null;
  return { step: shownStep, lines: [{ text: `step ${shownStep}`, colour: ink }, ...lines] };
}
