// The benchmark suite's data contract, shared by the suite (src/bench), its Web Worker, the
// in-app Benchmark panel (src/ui/bench) and the `npm run bench` runner (bench/).

/** The tfjs backends the suite measures on (the app's BackendName of src/platform/backendName.ts). */
export type BenchBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** One measured quantity of a row: a time, a size or a memory figure. */
export interface BenchValue {
  label: string;
  value: number;
  unit: 'ms' | 'kB' | 'MB' | 'bytes';
}

/**
 * One row of the table. A ratio always compares two quantities measured side by side in the same
 * run on the same backend; `ratioMeaning` says which way is better (e.g. "composed / fused,
 * higher is better" or "deconv / BN, lower is better").
 */
export interface BenchRow {
  /** Group id as named in issue #6, e.g. `deconv_step_vs_bn_step`. */
  group: string;
  /** The case within the group, e.g. `simple-cnn batch 32, statistics every step`. */
  label: string;
  backend: BenchBackend | 'n/a';
  values: BenchValue[];
  ratio?: number;
  ratioMeaning?: string;
  /** Target as text, e.g. `<= 1.5x`; absent when the row is context only. */
  target?: string;
  met?: boolean;
  reps: number;
  note?: string;
}

export interface BenchSuiteOptions {
  /** Groups to run (all when absent). */
  groups?: string[];
  /** Backends to measure on, in order (the caller's `useBackend` switches to each). */
  backends: BenchBackend[];
  /** Adds the large cases (576 x 576 and similar); minutes on a software adapter. */
  full: boolean;
  maxReps: number;
  budgetMsPerCase: number;
}

export interface BenchReport {
  date: string;
  /** Adapter / GPU description per backend, as the browser or Dawn reports it. */
  devices: Partial<Record<BenchBackend, string>>;
  runtime: 'chromium' | 'node' | 'browser';
  userAgent?: string;
  options: BenchSuiteOptions;
  rows: BenchRow[];
  totalSeconds: number;
}

/** Messages to the benchmark worker. */
export type BenchCommand = { type: 'run'; options: BenchSuiteOptions } | { type: 'cancel' };

/** Messages from the benchmark worker. */
export type BenchEvent =
  /** `device` is sent once per backend, as soon as it is running (for the panel's device line). */
  | { type: 'progress'; text: string; device?: { backend: BenchBackend; description: string } }
  | { type: 'row'; row: BenchRow }
  | { type: 'done'; report: BenchReport }
  | { type: 'cancelled' }
  | { type: 'error'; message: string };
