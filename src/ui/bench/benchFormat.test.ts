import { describe, expect, it } from 'vitest';
import type { BenchReport, BenchRow } from '../../bench/types';
import {
  backendName,
  describeDevices,
  formatNumber,
  formatRatio,
  formatValue,
  markdownReport,
  markdownTable,
  reportFileName,
} from './benchFormat';

const rows: BenchRow[] = [
  {
    group: 'isqrt_fused_vs_composed',
    label: '16x36x36 forward',
    backend: 'webgpu',
    values: [
      { label: 'fused', value: 1.234, unit: 'ms' },
      { label: 'composed', value: 9.876, unit: 'ms' },
    ],
    ratio: 8.0032,
    ratioMeaning: 'composed / fused, higher is better',
    target: '>= 5x',
    met: true,
    reps: 3,
  },
  {
    group: 'peak_memory',
    label: 'deconv | bn',
    backend: 'cpu',
    values: [{ label: 'peak', value: 3_500_000, unit: 'bytes' }],
    reps: 1,
    note: 'context\nonly',
  },
];

describe('benchmark figures', () => {
  it('keeps three significant figures', () => {
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(1.2345)).toBe('1.23');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1234.5)).toBe('1235');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(0.00001234)).toBe('1.23e-5');
  });
  it('writes units, and bytes from 1000 on as kB (1000 bytes)', () => {
    expect(formatValue({ label: 'x', value: 12.5, unit: 'ms' })).toBe('12.5 ms');
    expect(formatValue({ label: 'x', value: 2048, unit: 'bytes' })).toBe('2.05 kB');
    expect(formatValue({ label: 'x', value: 512, unit: 'bytes' })).toBe('512 bytes');
    expect(formatRatio(1.2899)).toBe('1.29×');
    expect(formatRatio(undefined)).toBe('');
  });
});

describe('backend names', () => {
  it("uses the app's labels, WASM included", () => {
    expect(['webgpu', 'webgl', 'wasm', 'cpu', 'n/a'].map((b) => backendName(b as Parameters<typeof backendName>[0]))).toEqual([
      'WebGPU',
      'WebGL',
      'WASM',
      'CPU',
      'n/a',
    ]);
    expect(describeDevices({ wasm: 'wasm (SIMD, single thread)', cpu: 'cpu' })).toBe('WASM: wasm (SIMD, single thread); CPU: cpu');
  });
});

describe('markdown export', () => {
  it('has one line per row and escapes pipes and line breaks inside cells', () => {
    const lines = markdownTable(rows).split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe(
      '| isqrt_fused_vs_composed | 16x36x36 forward | WebGPU | fused 1.23 ms · composed 9.88 ms | 8× | composed / fused, higher is better | >= 5x | ✓ |',
    );
    expect(lines[3]).toBe('| peak_memory | deconv \\| bn | CPU | peak 3500 kB (context only) |  |  |  |  |');
    // Every line has the same number of unescaped cell separators.
    const separators = lines.map((l) => l.replace(/\\\|/g, '').split('|').length);
    expect(new Set(separators).size).toBe(1);
  });
  it('names the date, mode and device above the table', () => {
    const report: BenchReport = {
      date: '2026-11-27T04:05:06.000Z',
      devices: { webgpu: 'google swiftshader', cpu: 'cpu' },
      runtime: 'browser',
      options: { backends: ['webgpu', 'cpu'], full: false, maxReps: 3, budgetMsPerCase: 2000 },
      rows,
      totalSeconds: 42.25,
    };
    const text = markdownReport(report);
    expect(text).toContain('2026-11-27T04:05:06.000Z (quick, up to 3 reps per case, 42.3 s in all)');
    expect(text).toContain('Devices: WebGPU: google swiftshader; CPU: cpu');
    expect(text).toContain('| group | case |');
    expect(reportFileName(report)).toBe('deconv-lab-bench-2026-11-27-04-05-06.json');
  });
});
