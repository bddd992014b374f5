// The markdown table printed by `npm run bench` and pasted into bench/README.md.
import type { BenchReport, BenchRow, BenchValue } from '../src/bench/types';

function num(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  return abs >= 100 ? value.toFixed(0) : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatValue(v: BenchValue): string {
  return `${v.label} ${num(v.value)} ${v.unit}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function rowLine(runtime: string, row: BenchRow): string {
  const ratio = row.ratio === undefined ? '' : `${num(row.ratio)}x`;
  const met = row.met === undefined ? '' : row.met ? 'yes' : 'no';
  const values = row.values.map(formatValue).join('; ') || (row.note ?? '');
  return `| ${runtime} | ${row.backend} | ${row.group} | ${cell(row.label)} | ${cell(values)} | ${ratio} | ${row.target ?? ''} | ${met} | ${row.reps} |`;
}

export function markdownTable(reports: readonly BenchReport[]): string {
  const devices = reports.flatMap((r) => Object.entries(r.devices).map(([backend, device]) => `- ${r.runtime} ${backend}: ${device}`));
  const lines = [
    ...devices,
    '',
    '| runtime | backend | group | case | values | ratio | target | met | reps |',
    '|---|---|---|---|---|---|---|---|---|',
    ...reports.flatMap((r) => r.rows.map((row) => rowLine(r.runtime, row))),
  ];
  return lines.join('\n');
}
