import { extent, line, scaleLinear, scaleLog } from 'd3';

interface Series {
  values: number[];
  colour: string;
  label: string;
}

interface Props {
  series: Series[];
  width?: number;
  height?: number;
}

const M = { top: 8, right: 10, bottom: 30, left: 46 };

/** Sorted eigenvalues on a log axis, with a reference line at 1 (fully whitened). */
export function SpectrumChart({ series, width = 340, height = 118 }: Props) {
  const all = series.flatMap((s) => s.values).filter((v) => v > 0 && Number.isFinite(v));
  const [lo = 1e-6, hi = 1] = extent([...all, 1]);
  const n = Math.max(1, ...series.map((s) => s.values.length));
  const x = scaleLinear()
    .domain([1, Math.max(2, n)])
    .range([M.left, width - M.right]);
  const y = scaleLog()
    .domain([lo / 1.5, hi * 1.5])
    .range([height - M.bottom, M.top])
    .nice();
  const path = line<number>()
    .x((_, i) => x(i + 1))
    .y((v) => y(Math.max(v, y.domain()[0])));
  const yTicks = y.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const yStep = Math.ceil(yTicks.length / 6);
  return (
    <svg
      className="chart"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label="Eigenvalue spectrum on a log scale"
      data-testid="spectrum-chart"
    >
      <g className="axis">
        <line x1={M.left} x2={M.left} y1={M.top} y2={height - M.bottom} />
        {yTicks
          .filter((_, i) => i % yStep === 0)
          .map((t) => (
            <g key={t} transform={`translate(${M.left},${y(t)})`}>
              <line x2={-4} />
              <text x={-6} dy="0.32em" textAnchor="end">
                {`1e${Math.round(Math.log10(t))}`}
              </text>
            </g>
          ))}
        <line x1={M.left} x2={width - M.right} y1={height - M.bottom} y2={height - M.bottom} />
        {x.ticks(Math.min(6, n)).map((t) => (
          <g key={t} transform={`translate(${x(t)},${height - M.bottom})`}>
            <line y2={4} />
            <text y={15} textAnchor="middle">
              {t}
            </text>
          </g>
        ))}
      </g>
      <line x1={M.left} x2={width - M.right} y1={y(1)} y2={y(1)} stroke="currentColor" strokeDasharray="4 3" opacity={0.5} />
      {series.map((s) => (
        <g key={s.label}>
          <path d={path(s.values) ?? ''} fill="none" style={{ stroke: s.colour }} strokeWidth={2} />
        </g>
      ))}
      <text x={(M.left + width - M.right) / 2} y={height - 2} textAnchor="middle">
        eigenvalue rank
      </text>
    </svg>
  );
}
