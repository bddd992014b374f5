// The benchmark suite of issue #6, shared by `npm run bench` (Chromium page and Node) and the
// in-app Benchmark panel's worker. The caller activates backends (`useBackend`); the suite runs
// the requested groups on each, streaming every row as soon as it is measured. Groups comparing
// backends (whitening, `step_wasm_vs_other`) keep what earlier backends of the run measured.
import type { CaseContext } from './context';
import { BENCH_GROUPS, type BenchGroup } from './groups';
import { ISQRT_GRAD_GROUP, isqrtGradCases } from './isqrtGradCases';
import { FIRST_STEP_GROUP, firstStepCases } from './firstStepCases';
import { covarianceCases, isqrtCases } from './kernelCases';
import { LAYER_GROUPS, layerCases } from './layerCases';
import { STEP_GROUPS, stepCases } from './stepCases';
import { StepTimes } from './stepTiming';
import type { BenchBackend, BenchRow, BenchSuiteOptions } from './types';
import { WASM_PAIR_GROUP, wasmPairCases } from './wasmPairCases';
import { WHITEN_GROUP, whitenCases, type WhitenReference } from './whitenCases';

export { BENCH_GROUPS };
export type { BenchGroup };

export interface SuiteHooks {
  useBackend(backend: BenchBackend): Promise<string>;
  onRow(row: BenchRow): void;
  onProgress(text: string): void;
  cancelled(): boolean;
}

/** Groups measured together because they share work (a layer or a model is built and timed once). */
interface Runner {
  ids: readonly string[];
  run(ctx: CaseContext, wanted: ReadonlySet<string>): AsyncGenerator<BenchRow, void, undefined>;
}

/** What the groups of one suite run share across backends. */
interface RunMemory {
  whitenReference: WhitenReference;
  stepTimes: StepTimes;
}

function runners({ whitenReference, stepTimes }: RunMemory): Runner[] {
  return [
    // First: its pipelines must not be cached by the other WebGPU cases of the run.
    { ids: [FIRST_STEP_GROUP], run: (ctx) => firstStepCases(ctx) },
    { ids: ['isqrt_fused_vs_composed'], run: (ctx) => isqrtCases(ctx) },
    { ids: ['covariance_fused_vs_im2col'], run: (ctx) => covarianceCases(ctx) },
    { ids: [ISQRT_GRAD_GROUP], run: (ctx) => isqrtGradCases(ctx) },
    { ids: [LAYER_GROUPS.plain, LAYER_GROUPS.bn], run: (ctx, wanted) => layerCases(ctx, wanted) },
    { ids: [STEP_GROUPS.time, STEP_GROUPS.memory], run: (ctx, wanted) => stepCases(ctx, wanted, stepTimes) },
    { ids: [WASM_PAIR_GROUP], run: (ctx) => wasmPairCases(ctx, stepTimes) },
    { ids: [WHITEN_GROUP], run: (ctx) => whitenCases(ctx, whitenReference) },
  ];
}

function requested(options: BenchSuiteOptions): BenchGroup[] {
  return BENCH_GROUPS.filter((g) => !options.groups || options.groups.includes(g.id));
}

/** True when the run has wasm and another backend to compare it with. */
function pairsWasm(options: BenchSuiteOptions): boolean {
  return options.backends.includes('wasm') && options.backends.some((b) => b !== 'wasm');
}

/** Group ids of the request that the suite itself measures on `backend`. */
export function groupsFor(options: BenchSuiteOptions, backend: BenchBackend): Set<string> {
  const ids = requested(options)
    .filter((g) => {
      if (g.backends === 'n/a') return false;
      if (g.backends === 'wasm-pairs') return pairsWasm(options);
      return g.backends === 'each' || backend === 'webgpu';
    })
    .map((g) => g.id);
  return new Set(ids);
}

/** A row for each requested wasm-pair group the run cannot measure (no wasm, or nothing beside it). */
function unpairedRows(options: BenchSuiteOptions): BenchRow[] {
  if (pairsWasm(options)) return [];
  return requested(options)
    .filter((g) => g.backends === 'wasm-pairs')
    .map((g) => ({
      group: g.id,
      label: 'not measured',
      backend: 'n/a',
      values: [],
      reps: 0,
      note: 'compares WASM with another backend measured in the same run: choose wasm and at least one other backend',
    }));
}

function unknownGroups(options: BenchSuiteOptions): string[] {
  const known = new Set(BENCH_GROUPS.map((g) => g.id));
  return (options.groups ?? []).filter((id) => !known.has(id));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runSuite(options: BenchSuiteOptions, hooks: SuiteHooks): Promise<BenchRow[]> {
  const unknown = unknownGroups(options);
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark group(s): ${unknown.join(', ')} (known: ${BENCH_GROUPS.map((g) => g.id).join(', ')})`);
  }
  if (!(options.maxReps >= 1)) throw new Error(`maxReps must be at least 1, got ${options.maxReps}`);
  const rows: BenchRow[] = [];
  const emit = (row: BenchRow): void => {
    rows.push(row);
    hooks.onRow(row);
  };
  unpairedRows(options).forEach(emit);
  const memory: RunMemory = { whitenReference: new Map(), stepTimes: new StepTimes() };
  for (const backend of options.backends) {
    const wanted = groupsFor(options, backend);
    if (wanted.size === 0) continue;
    if (hooks.cancelled()) return rows;
    let device: string;
    try {
      hooks.onProgress(`starting ${backend}`);
      device = await hooks.useBackend(backend);
    } catch (error) {
      for (const id of wanted)
        emit({ group: id, label: 'not measured', backend, values: [], reps: 0, note: `${backend} unavailable: ${message(error)}` });
      continue;
    }
    hooks.onProgress(`${backend}: ${device}`);
    const ctx: CaseContext = { backend, options, progress: (text) => hooks.onProgress(`${backend}: ${text}`) };
    for (const runner of runners(memory)) {
      const ids = new Set(runner.ids.filter((id) => wanted.has(id)));
      if (ids.size === 0) continue;
      if (hooks.cancelled()) return rows;
      try {
        for await (const row of runner.run(ctx, ids)) {
          emit(row);
          if (hooks.cancelled()) return rows;
        }
      } catch (error) {
        // One failing group (e.g. out of memory on a small GPU) must not lose the rows of the others.
        for (const id of ids) emit({ group: id, label: 'failed', backend, values: [], reps: 0, note: message(error) });
      }
    }
  }
  return rows;
}
