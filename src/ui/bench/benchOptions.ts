// What the Benchmark panel runs: the user's choice of backends, groups and quick/full, its
// defaults, the `#/benchmark?backends=wasm,cpu&groups=whiten_512&full=1` address form, and the
// suite options sent to the worker.
import { BENCH_GROUPS, type BenchGroup } from '../../bench/groups';
import type { BenchBackend, BenchSuiteOptions } from '../../bench/types';
import { parseSettingsQuery, serialiseSettings, type SettingsTable } from '../../core/settingsTable';

/** In the order measured (the app's order of preference). */
export const BENCH_BACKENDS: readonly BenchBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** Groups the panel can run: the runner-only ones (bundle size, first paint of a fresh load) are not. */
export const PANEL_GROUPS: readonly BenchGroup[] = BENCH_GROUPS.filter((g) => g.backends !== 'n/a');

export interface BenchSelection {
  backends: BenchBackend[];
  groups: string[];
  full: boolean;
}

export interface ParsedBenchHash {
  /** Only what the address says; the rest stays at the panel's defaults. */
  selection: Partial<BenchSelection>;
  notices: string[];
}

/** The panel's settings: the list of each, what the address may set, its key and label. */
export const BENCH_SETTINGS: SettingsTable<BenchSelection> = {
  backends: { kind: 'list', default: [...BENCH_BACKENDS], options: BENCH_BACKENDS, unknownItems: 'drop', label: 'backends' },
  groups: {
    kind: 'list',
    default: PANEL_GROUPS.map((g) => g.id),
    options: PANEL_GROUPS.map((g) => g.id),
    unknownItems: 'drop',
    label: 'groups',
  },
  full: { kind: 'bool', default: false, label: 'full run', help: 'the large cases and more repetitions' },
};

/** Reads `?backends=`, `?groups=` and `?full=` from a `#/benchmark?...` hash. */
export function parseBenchHash(hash: string): ParsedBenchHash {
  const at = hash.indexOf('?');
  if (at < 0) return { selection: {}, notices: [] };
  const { values, given, notices } = parseSettingsQuery(BENCH_SETTINGS, hash.slice(at + 1), { noticeUnknown: false });
  const selection: Partial<BenchSelection> = {};
  for (const name of given) Object.assign(selection, { [name]: values[name] });
  return { selection, notices };
}

/** The address of a selection, e.g. `#/benchmark?backends=wasm,cpu&groups=whiten_512&full=1`. */
export function benchHash(selection: BenchSelection): string {
  return `#/benchmark?${serialiseSettings(BENCH_SETTINGS, selection)}`;
}

/**
 * Default backends: every available GPU backend and WASM (the fast CPU path, which the WASM ratios
 * compare the others with); CPU only when none of those runs (it is slow and says little about a
 * GPU). Requested backends that are unavailable are dropped.
 */
export function defaultSelection(available: Record<BenchBackend, boolean>, requested: Partial<BenchSelection>): BenchSelection {
  const fast = BENCH_BACKENDS.filter((b) => b !== 'cpu' && available[b]);
  const fallback: BenchBackend[] = fast.length > 0 ? fast : ['cpu'];
  const backends = (requested.backends ?? fallback).filter((b) => available[b]);
  return {
    backends: backends.length > 0 ? backends : fallback,
    groups: requested.groups ?? PANEL_GROUPS.map((g) => g.id),
    full: requested.full ?? false,
  };
}

/** Quick: a few repetitions and a short time budget per case; full: the large cases and more reps. */
export function suiteOptions(selection: BenchSelection): BenchSuiteOptions {
  const backends = BENCH_BACKENDS.filter((b) => selection.backends.includes(b));
  const groups = PANEL_GROUPS.map((g) => g.id).filter((id) => selection.groups.includes(id));
  return selection.full
    ? { backends, groups, full: true, maxReps: 10, budgetMsPerCase: 20_000 }
    : { backends, groups, full: false, maxReps: 3, budgetMsPerCase: 4_000 };
}

/** Whether `group` measures anything on `backends`. */
function groupRuns(group: BenchGroup, backends: readonly BenchBackend[]): boolean {
  if (group.backends === 'webgpu-only') return backends.includes('webgpu');
  if (group.backends === 'wasm-pairs') return backends.includes('wasm') && backends.some((b) => b !== 'wasm');
  return true;
}

/** Why Run is disabled, or null when it can run. */
export function selectionProblem(selection: BenchSelection): string | null {
  if (selection.backends.length === 0) return 'Choose at least one backend.';
  if (selection.groups.length === 0) return 'Choose at least one group.';
  const chosen = PANEL_GROUPS.filter((g) => selection.groups.includes(g.id));
  if (chosen.some((g) => groupRuns(g, selection.backends))) return null;
  if (chosen.every((g) => g.backends === 'webgpu-only')) return 'The chosen groups run on WebGPU only: add WebGPU or another group.';
  if (chosen.every((g) => g.backends === 'wasm-pairs'))
    return 'The chosen group compares WASM with another backend: choose WASM and at least one more.';
  return 'None of the chosen groups runs on these backends: the WebGPU-only ones need WebGPU, the WASM comparison needs WASM and another backend.';
}
