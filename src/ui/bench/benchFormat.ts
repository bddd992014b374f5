// Text for the Benchmark panel: figures with units, ratios, backend names, and the markdown table
// "Copy markdown" puts on the clipboard (the same columns as the table on screen).
import type { BenchBackend, BenchReport, BenchRow, BenchValue } from '../../bench/types';
import { backendDisplayName } from '../../platform/backendName';

/** "WebGPU", "WebGL", "WASM", "CPU" (the app's labels), or "n/a" for rows of the built app. */
export function backendName(backend: BenchBackend | 'n/a'): string {
  return backend === 'n/a' ? 'n/a' : backendDisplayName(backend);
}

/** Three significant figures, no exponent for the everyday range: 0.0123, 1.23, 12.3, 1234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return Math.round(value).toString();
  if (magnitude === 0) return '0';
  if (magnitude < 0.001) return value.toExponential(2);
  return Number(value.toPrecision(3)).toString();
}

export function formatValue(value: BenchValue): string {
  // kB = 1000 bytes, as Vite and most size tools print it.
  if (value.unit === 'bytes' && Math.abs(value.value) >= 1000) return `${formatNumber(value.value / 1000)} kB`;
  return `${formatNumber(value.value)} ${value.unit}`;
}

/** "time fused 1.2 ms · composed 9.8 ms". */
export function formatValues(values: readonly BenchValue[]): string {
  return values.map((v) => `${v.label} ${formatValue(v)}`).join(' · ');
}

export function formatRatio(ratio: number | undefined): string {
  return ratio === undefined ? '' : `${formatNumber(ratio)}×`;
}

export function formatMet(row: BenchRow): string {
  if (row.met === undefined) return '';
  return row.met ? '✓' : '✗';
}

export function describeDevices(devices: Partial<Record<BenchBackend, string>>): string {
  const parts = (Object.keys(devices) as BenchBackend[]).map((b) => `${backendName(b)}: ${devices[b]}`);
  return parts.length > 0 ? parts.join('; ') : 'no backend has started yet';
}

/** Pipes and line breaks would break a markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const header = '| group | case | backend | measured | ratio | ratio means | target | met |\n|---|---|---|---|---|---|---|---|';
  const lines = rows.map((r) => {
    const measured = [formatValues(r.values), r.note ? `(${r.note})` : ''].filter(Boolean).join(' ');
    const cells = [
      r.group,
      r.label,
      backendName(r.backend),
      measured,
      formatRatio(r.ratio),
      r.ratioMeaning ?? '',
      r.target ?? '',
      formatMet(r),
    ];
    return `| ${cells.map(cell).join(' | ')} |`;
  });
  return [header, ...lines].join('\n');
}

/** The table with a heading line saying when, where and how it was measured. */
export function markdownReport(report: BenchReport): string {
  const mode = report.options.full ? 'full' : 'quick';
  const heading = [
    `Deconv Lab benchmark, ${report.date} (${mode}, up to ${report.options.maxReps} reps per case, ${report.totalSeconds.toFixed(1)} s in all)`,
    `Devices: ${describeDevices(report.devices)}`,
    report.userAgent ? `Browser: ${report.userAgent}` : '',
  ].filter(Boolean);
  return `${heading.join('\n')}\n\n${markdownTable(report.rows)}\n`;
}

export function reportFileName(report: BenchReport): string {
  return `deconv-lab-bench-${report.date.slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
