// The loss chart's short labels at the moments that matter (lossAnnotations), placed clear of the
// curves' ends, the legend and each other (annotationLayout). Inline styles: exports look the same.
import { useMemo } from 'react';
import type { AccuracyPoint } from '../../../state/trainingRun';
import type { NormKind } from '../../../train/protocol';
import { placeLabels, type Box, type Point } from './annotationLayout';
import { lossAnnotations } from './lossAnnotations';
import { type ChartPalette, VARIANT_COLOUR } from '../variantStyle';

interface ChartSeries {
  norm: NormKind;
  steps: number[];
  losses: number[];
  accuracy: AccuracyPoint[];
}

interface AnnotationLabelsProps {
  series: ChartSeries[];
  x: (step: number) => number;
  /** Loss to pixels; NaN where the scale cannot show it. */
  y: (loss: number) => number;
  yAccuracy: (accuracy: number) => number;
  innerWidth: number;
  innerHeight: number;
  legend: Box;
  endRadius: number;
  font: number;
  palette: ChartPalette;
}

const MAX_CURVE_POINTS = 300;

function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.54 + 10;
}

function ends(
  series: ChartSeries[],
  x: AnnotationLabelsProps['x'],
  y: AnnotationLabelsProps['y'],
  yAccuracy: AnnotationLabelsProps['yAccuracy'],
  radius: number,
): Box[] {
  const pad = radius + 6;
  const boxes: Box[] = [];
  for (const s of series) {
    const last = s.losses.length - 1;
    const points: Point[] = [];
    if (last >= 0) points.push({ x: x(s.steps[last]), y: y(s.losses[last]) });
    const acc = s.accuracy[s.accuracy.length - 1];
    if (acc) points.push({ x: x(acc.step), y: yAccuracy(acc.accuracy) });
    for (const p of points)
      if (Number.isFinite(p.x) && Number.isFinite(p.y)) boxes.push({ x: p.x - pad, y: p.y - pad, width: 2 * pad, height: 2 * pad });
  }
  return boxes;
}

function curvePoints(
  series: ChartSeries[],
  x: AnnotationLabelsProps['x'],
  y: AnnotationLabelsProps['y'],
  yAccuracy: AnnotationLabelsProps['yAccuracy'],
): Point[] {
  const points: Point[] = [];
  for (const s of series) {
    const every = Math.max(1, Math.ceil(s.steps.length / MAX_CURVE_POINTS));
    for (let i = 0; i < s.steps.length; i += every) points.push({ x: x(s.steps[i]), y: y(s.losses[i]) });
    for (const p of s.accuracy) points.push({ x: x(p.step), y: yAccuracy(p.accuracy) });
  }
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

export function AnnotationLabels({
  series,
  x,
  y,
  yAccuracy,
  innerWidth,
  innerHeight,
  legend,
  endRadius,
  font,
  palette,
}: AnnotationLabelsProps) {
  const annotations = useMemo(() => lossAnnotations(series), [series]);
  const fontSize = font * 0.92;
  const height = fontSize + 8;
  const anchored = annotations
    .map((annotation) => ({ annotation, anchor: { x: x(annotation.step), y: y(annotation.loss) } }))
    .filter(({ anchor }) => Number.isFinite(anchor.x) && Number.isFinite(anchor.y));
  if (anchored.length === 0) return null;
  const placed = placeLabels(
    anchored.map(({ annotation, anchor }) => ({
      anchor,
      sizes: [annotation.text, annotation.shortText].map((text) => ({ width: textWidth(text, fontSize), height })),
    })),
    [legend, ...ends(series, x, y, yAccuracy, endRadius)],
    { x: 0, y: 0, width: innerWidth, height: innerHeight },
    curvePoints(series, x, y, yAccuracy),
  );
  return (
    <g pointerEvents="none" data-testid="loss-annotations">
      {anchored.map(({ annotation, anchor }, index) => {
        const label = placed[index];
        if (!label) return null;
        const { box } = label;
        const text = label.textIndex === 0 ? annotation.text : annotation.shortText;
        const colour = VARIANT_COLOUR[annotation.norm];
        const edgeX = Math.min(Math.max(anchor.x, box.x), box.x + box.width);
        const edgeY = anchor.y < box.y ? box.y : box.y + box.height;
        return (
          <g key={annotation.kind} data-testid="loss-annotation" data-kind={annotation.kind} data-step={annotation.step}>
            <line x1={anchor.x} y1={anchor.y} x2={edgeX} y2={edgeY} stroke={colour} strokeWidth={1.5} />
            <circle cx={anchor.x} cy={anchor.y} r={endRadius} fill={palette.background} stroke={colour} strokeWidth={2} />
            <rect
              x={box.x}
              y={box.y}
              width={box.width}
              height={box.height}
              rx={3}
              fill={palette.background}
              fillOpacity={0.9}
              stroke={colour}
              strokeWidth={1}
            />
            <text x={box.x + 5} y={box.y + box.height / 2} dy="0.35em" fontSize={fontSize} fill={palette.ink}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
