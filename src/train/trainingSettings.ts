// Every training setting, declared once: default, range or options, URL key, CLI flag, label. The app's
// defaults, the Training tab's address, its inputs, the CLI's `train` flags and `--help`, and the
// trainer's TrainConfig are all derived from this table (see core/settingsTable.ts).
// Adding a setting: its field in TrainingParams and its entry in TRAINING_SETTINGS (the compiler
// asks for the entry); if the trainer reads it, its line in toTrainConfig and TrainConfig; a test.
import { clampNumber, defaultsOf, type NumberField, type SettingsTable } from '../core/settingsTable';
import { blockFor, MODEL_NAMES, PAPER_BLOCK } from '../nn/models/catalog';
import { BACKEND_NAMES, type BackendName } from '../platform/backendName';
import type { DatasetName, ModelName, NormKind, OptimizerName, ScheduleName, TrainConfig } from './protocol';

/** 'auto' lets the app pick the fastest backend of the device (platform/backend.ts). */
export type BackendChoice = 'auto' | BackendName;

export interface TrainingParams {
  dataset: DatasetName;
  model: ModelName;
  norms: NormKind[];
  optimizer: OptimizerName;
  lr: number;
  /** A variant's own learning rate; a variant left out trains at `lr`. */
  lrByNorm: Partial<Record<NormKind, number>>;
  momentum: number;
  weightDecay: number;
  schedule: ScheduleName;
  batch: number;
  epochs: number;
  seed: number;
  evalEvery: number;
  evalSize: number;
  block: number;
  iters: number;
  inputIters: number;
  eps: number;
  stride: number;
  freeze: number;
  blockMode: 'pooled' | 'per-block';
  hz: number;
  backend: BackendChoice;
}

export const NORM_KINDS: readonly NormKind[] = ['deconv', 'batchnorm', 'none'];

const BLOCK_DEFAULTS = [
  ...MODEL_NAMES.filter((m) => blockFor(m) !== PAPER_BLOCK).map((m) => `${blockFor(m)} for ${m}`),
  `${PAPER_BLOCK} for the others`,
].join(', ');

const LEARNING_RATE = { kind: 'float', min: 0, minExclusive: true, max: 100 } as const;

export const TRAINING_SETTINGS: SettingsTable<TrainingParams> = {
  dataset: { kind: 'enum', default: 'fashion-mnist', options: ['mnist', 'fashion-mnist', 'cifar10'], label: 'dataset', cliFlag: 'dataset' },
  model: { kind: 'enum', default: 'simple-cnn', options: MODEL_NAMES, label: 'model', cliFlag: 'model' },
  norms: { kind: 'list', default: ['deconv', 'batchnorm'], options: NORM_KINDS, label: 'variants', cliFlag: 'norm' },
  optimizer: { kind: 'enum', default: 'sgd', options: ['sgd', 'adam'], label: 'optimiser', cliFlag: 'optimizer' },
  // lr and batch: what the reproduction protocol picked for simple-cnn on a validation split (docs/reproduction.md).
  lr: { ...LEARNING_RATE, default: 0.01, label: 'learning rate', cliFlag: 'lr' },
  lrByNorm: {
    ...LEARNING_RATE,
    kind: 'number-map',
    keys: NORM_KINDS,
    default: {},
    label: 'learning rate per variant',
    help: 'a variant without its own learning rate trains at the shared one',
    urlKey: 'lr',
    cliFlag: 'lr',
  },
  momentum: { kind: 'float', default: 0.9, min: 0, max: 0.999, label: 'momentum', cliFlag: 'momentum' },
  weightDecay: { kind: 'float', default: 1e-3, min: 0, max: 0.1, label: 'weight decay', cliFlag: 'weight-decay' },
  schedule: { kind: 'enum', default: 'cosine', options: ['cosine', 'constant'], label: 'schedule', cliFlag: 'schedule' },
  batch: { kind: 'int', default: 32, min: 1, max: 4096, label: 'batch size', cliFlag: 'batch' },
  epochs: { kind: 'int', default: 1, min: 1, max: 1000, label: 'epochs', cliFlag: 'epochs' },
  seed: { kind: 'int', default: 1, min: 0, max: 2147483647, label: 'seed', cliFlag: 'seed' },
  evalEvery: { kind: 'int', default: 20, min: 1, max: 1000000, label: 'evaluate every', unit: 'steps', cliFlag: 'eval-every' },
  evalSize: { kind: 'int', default: 1000, min: 10, max: 10000, label: 'test images per evaluation', cliFlag: 'eval-size' },
  // 0: the model's own default (catalogue), so an address or flag that names a block keeps it whatever the model.
  block: {
    kind: 'int',
    default: 0,
    min: 0,
    max: 512,
    label: 'block size',
    help: `0 = the model's default (${BLOCK_DEFAULTS})`,
    cliFlag: 'block',
  },
  iters: { kind: 'int', default: 5, min: 1, max: 30, label: 'Newton–Schulz iterations', cliFlag: 'iters' },
  inputIters: { kind: 'int', default: 15, min: 1, max: 30, label: 'input-layer iterations', cliFlag: 'input-iters' },
  eps: { kind: 'float', default: 1e-5, min: 1e-10, max: 1, label: 'eps', cliFlag: 'eps' },
  stride: { kind: 'int', default: 3, min: 1, max: 16, label: 'sampling stride', cliFlag: 'stride', oldCliFlags: ['sampling-stride'] },
  freeze: {
    kind: 'int',
    default: 0,
    min: 0,
    max: 1000000,
    label: 'freeze statistics after',
    unit: 'steps',
    help: '0 = never',
    cliFlag: 'freeze',
  },
  blockMode: { kind: 'enum', default: 'pooled', options: ['pooled', 'per-block'], label: 'block mode', cliFlag: 'block-mode' },
  hz: { kind: 'int', default: 4, min: 1, max: 30, label: 'UI updates per second' },
  backend: { kind: 'enum', default: 'auto', options: ['auto', ...BACKEND_NAMES], label: 'backend' },
};

/** Settings that do not change what is trained: they may change while a run is in progress. */
export const LIVE_SETTINGS: ReadonlySet<keyof TrainingParams> = new Set<keyof TrainingParams>(['hz']);

export function defaultTrainingParams(): TrainingParams {
  return defaultsOf(TRAINING_SETTINGS);
}

/** The one clamp of the snapshot rate (trainer, worker and address agree). */
export function clampSnapshotRate(hz: number): number {
  return clampNumber(TRAINING_SETTINGS.hz as NumberField, hz);
}

/** The learning rates of the variants actually trained, each variant's own when it has one. */
export function learningRatesOf(config: Pick<TrainConfig, 'norms' | 'lr' | 'lrByNorm'>): Record<NormKind, number> {
  const out = {} as Record<NormKind, number>;
  for (const norm of config.norms) out[norm] = config.lrByNorm?.[norm] ?? config.lr;
  return out;
}

/** The trainer's configuration for `params` (the address's names mapped onto the trainer's). */
export function toTrainConfig(params: TrainingParams): TrainConfig {
  const lrByNorm = Object.fromEntries(NORM_KINDS.filter((n) => params.lrByNorm[n] !== undefined).map((n) => [n, params.lrByNorm[n]]));
  return {
    dataset: params.dataset,
    model: params.model,
    norms: [...params.norms],
    optimizer: params.optimizer,
    lr: params.lr,
    ...(Object.keys(lrByNorm).length > 0 ? { lrByNorm } : {}),
    momentum: params.momentum,
    weightDecay: params.weightDecay,
    schedule: params.schedule,
    batchSize: params.batch,
    epochs: params.epochs,
    seed: params.seed,
    evalEvery: params.evalEvery,
    evalSize: params.evalSize,
    deconv: {
      block: blockFor(params.model, params.block),
      iters: params.iters,
      inputIters: params.inputIters,
      eps: params.eps,
      samplingStride: params.stride,
      freezeIters: params.freeze,
      blockMode: params.blockMode,
    },
  };
}
