// A small line chart as an SVG string, for docs/figures (no DOM: d3 scales and path generators
// only). Each series is a polyline with optional error bars; the legend sits right of the plot.
import { line, scaleLinear, scaleLog } from 'd3';

export interface Point {
  x: number;
  y: number;
  /** Half-width of an error bar (e.g. one standard deviation). */
  err?: number;
}

export interface Series {
  name: string;
  points: Point[];
  color?: string;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  logY?: boolean;
  width?: number;
  height?: number;
}

const PALETTE = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
  '#393b79',
  '#ad494a',
  '#637939',
  '#e7ba52',
  '#31a354',
  '#843c39',
];

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fmt = (v: number): string =>
  Math.abs(v) >= 1000 || (Math.abs(v) < 0.01 && v !== 0) ? v.toPrecision(2) : String(Number(v.toPrecision(3)));

function extent(values: number[], log: boolean): [number, number] {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  if (usable.length === 0) return log ? [1, 10] : [0, 1];
  let lo = Math.min(...usable);
  let hi = Math.max(...usable);
  if (lo === hi) [lo, hi] = log ? [lo / 2, hi * 2] : [lo - 0.5, hi + 0.5];
  return [lo, hi];
}

/** Log axes: label only 1 and 3 times powers of ten (d3 gives every integer multiple). */
const logTick = (t: number): boolean => [1, 3].includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9)));

export function lineChart(o: ChartOptions): string {
  const width = o.width ?? 760;
  const height = o.height ?? 380;
  const margin = { top: 32, right: 170, bottom: 44, left: 60 };
  const all = o.series.flatMap((s) => s.points.filter((p) => Number.isFinite(p.y)));
  const [x0, x1] = extent(
    all.map((p) => p.x),
    o.logX ?? false,
  );
  const [y0, y1] = extent(
    all.flatMap((p) => [p.y - (p.err ?? 0), p.y + (p.err ?? 0)]),
    o.logY ?? false,
  );
  const x = (o.logX ? scaleLog() : scaleLinear()).domain([x0, x1]).range([margin.left, width - margin.right]);
  const y = (o.logY ? scaleLog() : scaleLinear())
    .domain([y0, y1])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${width / 2}" y="18" text-anchor="middle" font-size="13">${escapeXml(o.title)}</text>`,
  ];
  const bottom = height - margin.bottom;
  for (const t of x.ticks(o.logX ? 4 : 6).filter((v) => !o.logX || logTick(v))) {
    out.push(`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${margin.top}" y2="${bottom}" stroke="#eee"/>`);
    out.push(`<text x="${x(t).toFixed(1)}" y="${bottom + 14}" text-anchor="middle">${fmt(t)}</text>`);
  }
  for (const t of y.ticks(6).filter((v) => !o.logY || logTick(v))) {
    out.push(`<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#eee"/>`);
    out.push(`<text x="${margin.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${fmt(t)}</text>`);
  }
  out.push(
    `<rect x="${margin.left}" y="${margin.top}" width="${width - margin.left - margin.right}" height="${bottom - margin.top}" fill="none" stroke="#888"/>`,
  );
  out.push(`<text x="${(margin.left + width - margin.right) / 2}" y="${height - 8}" text-anchor="middle">${escapeXml(o.xLabel)}</text>`);
  out.push(`<text transform="translate(14 ${(margin.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(o.yLabel)}</text>`);
  const path = line<Point>()
    .defined((p) => Number.isFinite(p.y) && (!o.logY || p.y > 0))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  o.series.forEach((s, i) => {
    const color = s.color ?? PALETTE[i % PALETTE.length];
    const d = path(s.points);
    if (d) out.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`);
    for (const p of s.points) {
      if (!Number.isFinite(p.y)) continue;
      if (s.points.length <= 12) out.push(`<circle cx="${x(p.x).toFixed(1)}" cy="${y(p.y).toFixed(1)}" r="2.5" fill="${color}"/>`);
      if (p.err)
        out.push(
          `<line x1="${x(p.x).toFixed(1)}" x2="${x(p.x).toFixed(1)}" y1="${y(p.y - p.err).toFixed(1)}" y2="${y(p.y + p.err).toFixed(1)}" stroke="${color}"/>`,
        );
    }
    const ly = margin.top + 8 + i * 16;
    out.push(
      `<line x1="${width - margin.right + 10}" x2="${width - margin.right + 30}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 3"' : ''}/>`,
    );
    out.push(`<text x="${width - margin.right + 35}" y="${ly + 4}">${escapeXml(s.name)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
