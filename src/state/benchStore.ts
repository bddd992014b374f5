// State of the Benchmark panel: the run's status, the rows measured so far, the devices, the final
// report and the last error. A pure reducer (tested) plus a zustand store the view reads. Rows are
// never dropped by an error, a cancel or a crashed worker: they stay on screen and in the export.
import { create } from 'zustand';
import type { BenchBackend, BenchEvent, BenchReport, BenchRow, BenchSuiteOptions } from '../bench/types';

export type BenchStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'failed';

export interface BenchRunModel {
  status: BenchStatus;
  rows: BenchRow[];
  /** Latest progress sentence from the worker. */
  progress: string;
  devices: Partial<Record<BenchBackend, string>>;
  /** The worker's final report (only after 'done'). */
  report: BenchReport | null;
  error: string | null;
  options: BenchSuiteOptions | null;
  /** Date.now() when the run started. */
  startedAt: number | null;
  /** Date.now() when the run ended (done, cancelled, failed). */
  endedAt: number | null;
}

export type BenchAction =
  | { type: 'start'; options: BenchSuiteOptions; at: number }
  | { type: 'cancel-requested' }
  | { type: 'event'; event: BenchEvent; at: number }
  /** The worker died or could not start. */
  | { type: 'lost'; message: string; at: number };

export function initialBenchRun(): BenchRunModel {
  return { status: 'idle', rows: [], progress: '', devices: {}, report: null, error: null, options: null, startedAt: null, endedAt: null };
}

export function isBenchActive(status: BenchStatus): boolean {
  return status === 'running' || status === 'cancelling';
}

function reduceEvent(model: BenchRunModel, event: BenchEvent, at: number): BenchRunModel {
  switch (event.type) {
    case 'progress': {
      const devices = event.device ? { ...model.devices, [event.device.backend]: event.device.description } : model.devices;
      return { ...model, progress: event.text, devices };
    }
    case 'row':
      return { ...model, rows: [...model.rows, event.row] };
    case 'done':
      // The report is the authority on rows; keep ours if it somehow came back empty.
      return {
        ...model,
        status: 'done',
        report: event.report,
        rows: event.report.rows.length > 0 ? event.report.rows : model.rows,
        devices: { ...model.devices, ...event.report.devices },
        progress: '',
        endedAt: at,
      };
    case 'cancelled':
      return { ...model, status: 'cancelled', progress: 'the rows measured before the cancel are kept', endedAt: at };
    case 'error':
      return { ...model, status: 'failed', error: event.message, endedAt: at };
  }
}

export function reduceBench(model: BenchRunModel, action: BenchAction): BenchRunModel {
  switch (action.type) {
    case 'start':
      return {
        ...initialBenchRun(),
        status: 'running',
        options: action.options,
        progress: 'starting the benchmark worker',
        startedAt: action.at,
      };
    case 'cancel-requested':
      return model.status === 'running' ? { ...model, status: 'cancelling', progress: 'cancelling after the current case…' } : model;
    case 'event':
      // Late messages from a run that already ended (e.g. after a forced stop) change nothing.
      if (!isBenchActive(model.status)) return model;
      return reduceEvent(model, action.event, action.at);
    case 'lost':
      if (!isBenchActive(model.status)) return model;
      return { ...model, status: 'failed', error: action.message, endedAt: action.at };
  }
}

/**
 * The report to export: the worker's own when the run finished, otherwise one built from the rows
 * measured so far (cancelled, failed or still running), so nothing measured is lost.
 */
export function reportOf(model: BenchRunModel, userAgent?: string): BenchReport | null {
  if (model.report) return model.report;
  if (!model.options || model.rows.length === 0) return null;
  const start = model.startedAt ?? 0;
  const end = model.endedAt ?? start;
  return {
    date: new Date(start).toISOString(),
    devices: model.devices,
    runtime: 'browser',
    userAgent,
    options: model.options,
    rows: model.rows,
    totalSeconds: Math.max(0, end - start) / 1000,
  };
}

interface BenchStoreState extends BenchRunModel {
  dispatch(action: BenchAction): void;
}

export const useBenchStore = create<BenchStoreState>()((set) => ({
  ...initialBenchRun(),
  dispatch: (action) => set((state) => reduceBench(state, action)),
}));
