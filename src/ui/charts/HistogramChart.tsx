import { max, scaleLinear, scaleSqrt } from 'd3';
import type { HistogramData } from '../../platform/whitenProtocol';

interface Props {
  histogram: HistogramData;
  colour: string;
  fill: string;
  xLabel: string;
  width?: number;
  height?: number;
  testId?: string;
}

const M = { top: 6, right: 8, bottom: 30, left: 8 };

/** Bars of a pre-binned histogram; square-root count axis so heavy tails stay visible. */
export function HistogramChart({ histogram, colour, fill, xLabel, width = 340, height = 96, testId }: Props) {
  const { min, binWidth, counts } = histogram;
  const x = scaleLinear()
    .domain([min, min + binWidth * counts.length])
    .range([M.left, width - M.right]);
  const y = scaleSqrt()
    .domain([0, max(counts) ?? 1])
    .range([height - M.bottom, M.top]);
  const ticks = x.ticks(5);
  const barWidth = Math.max(1, x(min + binWidth) - x(min));
  return (
    <svg
      className="chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`Histogram of ${xLabel}`}
      data-testid={testId}
    >
      {counts.map((c, i) => (
        <rect
          key={i}
          x={x(min + i * binWidth)}
          y={y(c)}
          width={barWidth}
          height={y(0) - y(c)}
          style={{ fill, stroke: colour }}
          strokeWidth={0.5}
        />
      ))}
      <g className="axis">
        <line x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} />
        {ticks.map((t) => (
          <g key={t} transform={`translate(${x(t)},${height - M.bottom})`}>
            <line y2={4} />
            <text y={15} textAnchor="middle">
              {Number(t.toPrecision(3))}
            </text>
          </g>
        ))}
      </g>
      <text x={width / 2} y={height - 2} textAnchor="middle">
        {xLabel}
      </text>
    </svg>
  );
}
