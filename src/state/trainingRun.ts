// Pure reducer for what the dashboard knows about a run: status, backend, metric history.
// Fed by worker events (TrainEvent) and a few UI-side actions.
import type { BackendInfo } from '../platform/backend';
import type { ImplementationName } from '../core/kernelNames';
import type { KernelImages, LayerActivations, NormKind, RunState, TrainEvent, TrainSnapshot } from '../train/protocol';

/** Points kept per curve before the oldest half is thinned (every second point dropped). */
export const MAX_CURVE_POINTS = 4000;

export interface LossPoint {
  step: number;
  loss: number;
}
export interface AccuracyPoint {
  step: number;
  accuracy: number;
}

export interface VariantHistory {
  norm: NormKind;
  params: number;
  losses: LossPoint[];
  test: AccuracyPoint[];
  msPerStep: number;
  diverged: boolean;
  kernels?: KernelImages;
  activations?: LayerActivations[];
}

export interface Divergence {
  norm: NormKind;
  step: number;
  message: string;
}

/** Start-up phase while loading or compiling, with its progress and unit counts (pipelines 12 of 40), as the worker reports it. */
type StartupStatus = Pick<Extract<TrainEvent, { type: 'status' }>, 'message' | 'progress' | 'phase' | 'done' | 'total'>;

export interface RunModel extends StartupStatus {
  state: RunState;
  backend?: BackendInfo;
  implementation?: ImplementationName;
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  variants: VariantHistory[];
  divergences: Divergence[];
  error?: string;
  /** Set when the worker died; history stays. */
  workerLost?: string;
  /** Set when the GPU device was lost: where training stopped and where a resume continues from. */
  deviceLost?: DeviceLost;
  /**
   * Resets asked for (history-cleared) whose fresh run has not yet begun. The worker may still
   * post snapshots of the trainer it is replacing; those are dropped until its next 'compiling'
   * status, which every fresh run sends before its first step (later ones of the same start-up,
   * compile progress and the warm-up, are marked `continues`).
   */
  freshRunsPending: number;
}

export interface DeviceLost {
  message: string;
  step: number;
  /** Step of the worker's last CPU checkpoint (null: none, a resume starts again from step 0). */
  checkpointStep: number | null;
}

export type RunAction =
  | TrainEvent
  | { type: 'history-cleared' }
  | { type: 'worker-lost'; message: string }
  | { type: 'worker-restarted' }
  /** A new worker continues from `step` (a checkpoint): curve points after it are dropped, it recomputes them. */
  | { type: 'resumed'; step: number }
  | { type: 'dismiss-divergence'; norm: NormKind }
  | { type: 'dismiss-error' };

export function initialRun(): RunModel {
  return { state: 'idle', step: 0, stepsPerEpoch: 0, totalSteps: 0, variants: [], divergences: [], freshRunsPending: 0 };
}

/** Thins a series once it is too long, keeping the most recent half at full resolution. */
export function capSeries<T>(series: T[], max = MAX_CURVE_POINTS): T[] {
  if (series.length <= max) return series;
  const half = Math.floor(series.length / 2);
  const older = series.slice(0, half).filter((_, index) => index % 2 === 0);
  return [...older, ...series.slice(half)];
}

function emptyVariant(norm: NormKind): VariantHistory {
  return { norm, params: 0, losses: [], test: [], msPerStep: 0, diverged: false };
}

function appendAfter<T extends { step: number }>(series: T[], fresh: T[]): T[] {
  const last = series.length > 0 ? series[series.length - 1].step : -Infinity;
  const newer = fresh.filter((point) => point.step > last);
  return newer.length === 0 ? series : capSeries([...series, ...newer]);
}

function applySnapshot(run: RunModel, snapshot: TrainSnapshot): RunModel {
  const variants = snapshot.variants.map((incoming) => {
    const previous = run.variants.find((variant) => variant.norm === incoming.norm) ?? emptyVariant(incoming.norm);
    return {
      norm: incoming.norm,
      params: incoming.params,
      losses: appendAfter(previous.losses, incoming.losses),
      test: appendAfter(previous.test, incoming.test),
      msPerStep: incoming.msPerStep > 0 ? incoming.msPerStep : previous.msPerStep,
      diverged: incoming.diverged,
      kernels: incoming.kernels ?? previous.kernels,
      activations: incoming.activations ?? previous.activations,
    };
  });
  return {
    ...run,
    step: snapshot.step,
    stepsPerEpoch: snapshot.stepsPerEpoch,
    totalSteps: snapshot.totalSteps,
    variants,
  };
}

/** Drops every point (and divergence) after `step`. */
function pointsUpTo(run: RunModel, step: number): RunModel {
  return {
    ...run,
    step,
    divergences: run.divergences.filter((d) => d.step <= step),
    variants: run.variants.map((v) => ({
      ...v,
      losses: v.losses.filter((p) => p.step <= step),
      test: v.test.filter((p) => p.step <= step),
    })),
  };
}

function trimAfter(run: RunModel, step: number): RunModel {
  return { ...pointsUpTo(run, step), state: 'idle', deviceLost: undefined, workerLost: undefined, error: undefined };
}

function clearHistory(run: RunModel, freshRunsPending: number): RunModel {
  return { ...initialRun(), state: run.state, backend: run.backend, implementation: run.implementation, freshRunsPending };
}

export function reduceRun(run: RunModel, action: RunAction): RunModel {
  switch (action.type) {
    case 'backend':
      return { ...run, backend: action.info, implementation: action.implementation };
    case 'status':
      return {
        ...(action.state === 'compiling' && !action.continues && run.freshRunsPending > 0
          ? clearHistory(run, run.freshRunsPending - 1)
          : run),
        ...(action.state === 'error' ? { freshRunsPending: 0 } : {}),
        state: action.state,
        message: action.message,
        progress: action.progress,
        phase: action.phase,
        done: action.done,
        total: action.total,
        error: action.state === 'error' ? (action.message ?? 'The trainer stopped with an error.') : run.error,
      };
    case 'snapshot':
      return run.freshRunsPending > 0 ? run : applySnapshot(run, action.snapshot);
    case 'diverged':
      if (run.freshRunsPending > 0) return run;
      return {
        ...run,
        divergences: [
          ...run.divergences.filter((d) => d.norm !== action.norm),
          { norm: action.norm, step: action.step, message: action.message },
        ],
        variants: run.variants.map((variant) => (variant.norm === action.norm ? { ...variant, diverged: true } : variant)),
      };
    case 'error':
      return { ...run, error: action.message };
    case 'device-lost':
      return {
        ...(action.keptStep === undefined ? run : pointsUpTo(run, action.keptStep)),
        state: 'error',
        message: undefined,
        progress: undefined,
        phase: undefined,
        deviceLost: { message: action.message, step: action.step, checkpointStep: action.checkpoint?.step ?? null },
      };
    case 'resumed':
      return { ...trimAfter(run, action.step), freshRunsPending: 0 };
    case 'diagnostics':
      return run;
    case 'history-cleared':
      return clearHistory(run, run.freshRunsPending + 1);
    case 'worker-lost':
      return { ...run, state: 'error', workerLost: action.message };
    case 'worker-restarted':
      // A new worker: resets sent to the old one never start; its own first build is the fresh run.
      return {
        ...run,
        workerLost: undefined,
        deviceLost: undefined,
        error: undefined,
        state: 'idle',
        freshRunsPending: Math.min(run.freshRunsPending, 1),
      };
    case 'dismiss-divergence':
      return { ...run, divergences: run.divergences.filter((d) => d.norm !== action.norm) };
    case 'dismiss-error':
      return { ...run, error: undefined };
  }
}

/** Epochs completed so far (fractional), 0 before the first snapshot. */
export function epochProgress(run: RunModel): number {
  return run.stepsPerEpoch > 0 ? run.step / run.stepsPerEpoch : 0;
}
