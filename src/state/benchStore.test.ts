import { describe, expect, it } from 'vitest';
import type { BenchReport, BenchRow, BenchSuiteOptions } from '../bench/types';
import { initialBenchRun, reduceBench, reportOf, type BenchAction, type BenchRunModel } from './benchStore';

const options: BenchSuiteOptions = { backends: ['cpu'], groups: ['whiten_512'], full: false, maxReps: 3, budgetMsPerCase: 2000 };

function row(label: string): BenchRow {
  return { group: 'whiten_512', label, backend: 'cpu', values: [{ label: 'time', value: 12.5, unit: 'ms' }], reps: 3 };
}

function run(actions: BenchAction[]): BenchRunModel {
  return actions.reduce(reduceBench, initialBenchRun());
}

const started: BenchAction[] = [
  { type: 'start', options, at: 1_000 },
  { type: 'event', event: { type: 'progress', text: 'cpu', device: { backend: 'cpu', description: 'cpu' } }, at: 1_100 },
  { type: 'event', event: { type: 'row', row: row('k = 3') }, at: 1_500 },
  { type: 'event', event: { type: 'row', row: row('k = 5') }, at: 2_000 },
];

describe('benchmark run state', () => {
  it('collects rows and devices in arrival order', () => {
    const model = run(started);
    expect(model.status).toBe('running');
    expect(model.rows.map((r) => r.label)).toEqual(['k = 3', 'k = 5']);
    expect(model.devices).toEqual({ cpu: 'cpu' });
  });

  it('records the wasm device and rows of a WASM run like any other backend', () => {
    const wasmOptions: BenchSuiteOptions = { ...options, backends: ['wasm', 'cpu'], groups: ['step_wasm_vs_other'] };
    const pairRow: BenchRow = { ...row('mlp batch 32, BN step: cpu vs wasm'), group: 'step_wasm_vs_other', ratio: 12 };
    const model = run([
      { type: 'start', options: wasmOptions, at: 0 },
      {
        type: 'event',
        event: { type: 'progress', text: 'wasm', device: { backend: 'wasm', description: 'wasm (SIMD, single thread)' } },
        at: 10,
      },
      { type: 'event', event: { type: 'progress', text: 'cpu', device: { backend: 'cpu', description: 'cpu' } }, at: 20 },
      { type: 'event', event: { type: 'row', row: pairRow }, at: 30 },
    ]);
    expect(model.devices).toEqual({ wasm: 'wasm (SIMD, single thread)', cpu: 'cpu' });
    expect(reportOf(model)?.options.backends).toEqual(['wasm', 'cpu']);
    expect(reportOf(model)?.rows).toEqual([pairRow]);
  });

  it('keeps the rows measured so far when the worker crashes, and shows the message', () => {
    const model = run([...started, { type: 'lost', message: 'The benchmark worker stopped.', at: 3_000 }]);
    expect(model.status).toBe('failed');
    expect(model.error).toBe('The benchmark worker stopped.');
    expect(model.rows).toHaveLength(2);
  });

  it('keeps the rows on an error event and ignores messages arriving after the run ended', () => {
    const model = run([
      ...started,
      { type: 'event', event: { type: 'error', message: 'out of memory' }, at: 3_000 },
      { type: 'event', event: { type: 'row', row: row('late') }, at: 3_100 },
    ]);
    expect(model.status).toBe('failed');
    expect(model.rows.map((r) => r.label)).toEqual(['k = 3', 'k = 5']);
  });

  it('goes running -> cancelling -> cancelled, keeping the rows', () => {
    const cancelling = run([...started, { type: 'cancel-requested' }]);
    expect(cancelling.status).toBe('cancelling');
    const cancelled = reduceBench(cancelling, { type: 'event', event: { type: 'cancelled' }, at: 4_000 });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.rows).toHaveLength(2);
    expect(reduceBench(initialBenchRun(), { type: 'cancel-requested' }).status).toBe('idle');
  });

  it('a new run starts from a clean slate', () => {
    const failed = run([...started, { type: 'lost', message: 'x', at: 3_000 }]);
    const again = reduceBench(failed, { type: 'start', options, at: 5_000 });
    expect(again).toMatchObject({ status: 'running', rows: [], error: null, report: null, startedAt: 5_000 });
  });
});

describe('the exported report', () => {
  it('is the worker report after a finished run', () => {
    const report: BenchReport = {
      date: '2026-11-27T04:00:00.000Z',
      devices: { cpu: 'cpu' },
      runtime: 'browser',
      options,
      rows: [row('k = 3')],
      totalSeconds: 1.5,
    };
    const model = run([...started, { type: 'event', event: { type: 'done', report }, at: 3_000 }]);
    expect(model.status).toBe('done');
    expect(reportOf(model)).toBe(report);
    expect(model.rows).toEqual(report.rows);
  });

  it('is built from the measured rows after a cancel, with the duration and devices', () => {
    const model = run([...started, { type: 'event', event: { type: 'cancelled' }, at: 3_500 }]);
    const report = reportOf(model, 'test-agent');
    expect(report).toEqual({
      date: new Date(1_000).toISOString(),
      devices: { cpu: 'cpu' },
      runtime: 'browser',
      userAgent: 'test-agent',
      options,
      rows: model.rows,
      totalSeconds: 2.5,
    });
  });

  it('is absent when nothing was measured', () => {
    expect(reportOf(initialBenchRun())).toBeNull();
    expect(reportOf(run([{ type: 'start', options, at: 0 }]))).toBeNull();
  });
});
