// Typed messages between the UI (main thread) and the training worker. The same types describe
// what the trainer emits when it runs directly in Node (CLI, tests). Only plain data crosses.
import type { DatasetName } from '../data/dataset';
import type { BackendInfo } from '../platform/backend';
import type { DeconvSettings, Histogram, ImplementationName, KernelImages, ModelName, NormKind } from '../nn/vocabulary';

// The model vocabulary is owned by src/nn; re-exported here so the rooms above keep one import.
export type { DatasetName } from '../data/dataset';
export type { BlockMode, DeconvSettings, Histogram, ImplementationName, KernelImages, ModelName, NormKind } from '../nn/vocabulary';
export type OptimizerName = 'sgd' | 'adam';
export type ScheduleName = 'cosine' | 'constant';

export interface TrainConfig {
  dataset: DatasetName;
  model: ModelName;
  /** Variants trained in lock-step, in display order. */
  norms: NormKind[];
  optimizer: OptimizerName;
  lr: number;
  /** A variant's own learning rate (the shared `lr` for a variant left out). */
  lrByNorm?: Partial<Record<NormKind, number>>;
  /** SGD momentum (ignored by Adam). */
  momentum: number;
  weightDecay: number;
  schedule: ScheduleName;
  batchSize: number;
  epochs: number;
  seed: number;
  /** Evaluate test accuracy every this many steps (and after the last step). */
  evalEvery: number;
  /** Cap on test images used per evaluation (the whole test split when larger). */
  evalSize: number;
  deconv: DeconvSettings;
}

export interface SparsityStats {
  kurtosis: number;
  /** Fraction of values with |v - mean| < 0.1 * std. */
  nearZeroFraction: number;
  mean: number;
  std: number;
}

export interface LayerActivations {
  /** e.g. "conv1", "dense2". */
  layer: string;
  /** Before the nonlinearity (after normalisation / deconvolved conv). */
  pre: Histogram & SparsityStats;
  /** After the nonlinearity. */
  post: Histogram & SparsityStats;
}

export interface VariantSnapshot {
  norm: NormKind;
  params: number;
  /** Train losses since the previous snapshot. */
  losses: { step: number; loss: number }[];
  /** Test accuracies since the previous snapshot, accuracy in [0, 1]. */
  test: { step: number; accuracy: number }[];
  /** Mean milliseconds per training step over the recent window. */
  msPerStep: number;
  diverged: boolean;
  kernels?: KernelImages;
  activations?: LayerActivations[];
}

export interface TrainSnapshot {
  step: number;
  stepsPerEpoch: number;
  totalSteps: number;
  variants: VariantSnapshot[];
}

/** One variable's values, read back to the CPU (so it survives a lost GPU device). */
export interface SavedTensor {
  shape: number[];
  values: Float32Array;
}

export interface VariantCheckpoint {
  norm: NormKind;
  /** Model trainable variables, then model state (running statistics), then optimiser slots. */
  tensors: SavedTensor[];
  /** Optimiser updates so far (Adam's bias correction depends on it). */
  optimizerSteps: number;
  steps: { step: number; loss: number }[];
  test: { step: number; accuracy: number }[];
  diverged: boolean;
}

/** Everything needed to continue a run from `step` on another device or backend. */
export interface TrainCheckpoint {
  step: number;
  config: TrainConfig;
  variants: VariantCheckpoint[];
}

export type RunState = 'idle' | 'loading' | 'compiling' | 'ready' | 'running' | 'paused' | 'finished' | 'error';

/**
 * What a start-up is doing, in order: starting the backend, loading the dataset, building the
 * models, compiling the step's GPU pipelines ahead (WebGPU only), the first real step.
 * 'waiting': between two of them while the Training tab is hidden.
 */
export type StartupPhase = 'backend' | 'data' | 'build' | 'compile' | 'warmup' | 'waiting';

/** Main thread -> worker. */
export type TrainCommand =
  /**
   * `baseUrl`: absolute URL of the app root (ends with '/'), where data/<name>.bin is served, e.g.
   * `new URL(import.meta.env.BASE_URL, document.baseURI).href`. When absent the worker derives it
   * from its own location. 'init' runs the first training step as the warm-up ('compiling').
   * With `checkpoint` (same config) the run continues from the checkpoint's step instead of 0.
   */
  | { type: 'init'; config: TrainConfig; backend?: BackendInfo['name']; baseUrl?: string; checkpoint?: TrainCheckpoint }
  /** User-supplied CIFAR-10 batch files (already read into memory), transferred. */
  | { type: 'cifar-files'; files: { name: string; bytes: ArrayBuffer }[] }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset'; config: TrainConfig }
  /** Snapshots per second the UI wants (1..30). */
  | { type: 'update-rate'; hz: number }
  | { type: 'diagnostics'; requestId: number }
  /**
   * Whether the page shows the Training tab. While hidden, the worker's start-up (dataset, models,
   * compilation) waits between its phases so the visible view gets the cores; a running loop keeps going.
   */
  | { type: 'visibility'; visible: boolean }
  /** The page was asleep (frozen, or the laptop slept) for `pausedMs`: the step that spanned it is timed without it. */
  | { type: 'woke'; pausedMs: number }
  /** Test hook: destroy the WebGPU device (answers with 'device-lost', or 'error' on other backends). */
  | { type: 'lose-device' }
  | { type: 'dispose' };

export interface WorkerDiagnostics {
  backend: BackendInfo | undefined;
  implementation: ImplementationName;
  memory: { numTensors: number; numBytes: number; numDataBuffers: number };
  step: number;
  state: RunState;
}

/** Worker -> main thread. */
export type TrainEvent =
  | { type: 'backend'; info: BackendInfo; implementation: ImplementationName }
  /**
   * `progress` is the fraction of the current phase done; `done` / `total` count its units when it
   * has them (pipelines compiled, e.g. 12 of 40). `continues`: a later 'compiling' status of the
   * same start-up (progress, then the warm-up); only the first one begins a fresh run.
   */
  | {
      type: 'status';
      state: RunState;
      message?: string;
      progress?: number;
      phase?: StartupPhase;
      done?: number;
      total?: number;
      continues?: boolean;
    }
  | { type: 'snapshot'; snapshot: TrainSnapshot }
  | { type: 'diverged'; norm: NormKind; step: number; message: string }
  /** The answer to a 'diagnostics' command, or (requestId 0) posted unasked with each state change and snapshot. */
  | { type: 'diagnostics'; requestId: number; diagnostics: WorkerDiagnostics }
  /**
   * The GPU device is gone: `step` is where training stopped, `checkpoint` the last CPU copy of the
   * run (taken at every evaluation and at step 0); the worker cannot train any more. `keptStep`:
   * the points after it may have been read from the lost device (a lost WebGL context is noticed
   * late), so the page drops them; absent, every point sent is real.
   */
  | { type: 'device-lost'; message: string; step: number; checkpoint: TrainCheckpoint | null; keptStep?: number }
  | { type: 'error'; message: string };

/** A checkpoint continues only the run it was taken from: same config (model, data, seed, optimiser...). */
export function checkpointFits(checkpoint: TrainCheckpoint, config: TrainConfig): boolean {
  return JSON.stringify(checkpoint.config) === JSON.stringify(config);
}
