// Every URL-serialisable training setting, declared once (type, default, range). Parsing,
// serialising and the mapping to the trainer's TrainConfig are all derived from this table.
import type { BackendName } from '../platform/backendName';
import type { DatasetName, ModelName, NormKind, OptimizerName, ScheduleName } from '../train/protocol';

/** 'auto' lets the app pick the fastest backend of the device (platform/backend.ts). */
export type BackendChoice = 'auto' | BackendName;

export interface TrainingParams {
  dataset: DatasetName;
  model: ModelName;
  norms: NormKind[];
  optimizer: OptimizerName;
  lr: number;
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

export interface NumberField {
  kind: 'int' | 'float';
  default: number;
  min: number;
  max: number;
  label: string;
}
export interface EnumField<T extends string> {
  kind: 'enum';
  default: T;
  options: readonly T[];
  label: string;
}
export interface ListField<T extends string> {
  kind: 'list';
  default: T[];
  options: readonly T[];
  label: string;
}

type FieldFor<V> = [V] extends [number]
  ? NumberField
  : [V] extends [(infer E extends string)[]]
    ? ListField<E>
    : [V] extends [string]
      ? EnumField<V>
      : never;

export type Schema = { [K in keyof TrainingParams]: FieldFor<TrainingParams[K]> };

export const NORM_KINDS: readonly NormKind[] = ['deconv', 'batchnorm', 'none'];

export const TRAINING_SCHEMA: Schema = {
  dataset: { kind: 'enum', default: 'fashion-mnist', options: ['mnist', 'fashion-mnist', 'cifar10'], label: 'dataset' },
  model: { kind: 'enum', default: 'simple-cnn', options: ['mlp', 'simple-cnn', 'vgg-mini', 'resnet-mini'], label: 'model' },
  norms: { kind: 'list', default: ['deconv', 'batchnorm'], options: NORM_KINDS, label: 'variants' },
  optimizer: { kind: 'enum', default: 'sgd', options: ['sgd', 'adam'], label: 'optimiser' },
  lr: { kind: 'float', default: 0.05, min: 1e-6, max: 100, label: 'learning rate' },
  momentum: { kind: 'float', default: 0.9, min: 0, max: 0.999, label: 'momentum' },
  weightDecay: { kind: 'float', default: 1e-3, min: 0, max: 0.1, label: 'weight decay' },
  schedule: { kind: 'enum', default: 'cosine', options: ['cosine', 'constant'], label: 'schedule' },
  batch: { kind: 'int', default: 64, min: 1, max: 1024, label: 'batch size' },
  epochs: { kind: 'int', default: 1, min: 1, max: 100, label: 'epochs' },
  seed: { kind: 'int', default: 1, min: 0, max: 2147483647, label: 'seed' },
  evalEvery: { kind: 'int', default: 20, min: 1, max: 100000, label: 'evaluate every (steps)' },
  evalSize: { kind: 'int', default: 1000, min: 10, max: 10000, label: 'test images per evaluation' },
  block: { kind: 'int', default: 64, min: 1, max: 512, label: 'block size' },
  iters: { kind: 'int', default: 5, min: 1, max: 30, label: 'Newton–Schulz iterations' },
  inputIters: { kind: 'int', default: 15, min: 1, max: 30, label: 'input-layer iterations' },
  eps: { kind: 'float', default: 1e-5, min: 1e-10, max: 1, label: 'eps' },
  stride: { kind: 'int', default: 3, min: 1, max: 16, label: 'sampling stride' },
  freeze: { kind: 'int', default: 0, min: 0, max: 1000000, label: 'freeze statistics after (steps)' },
  blockMode: { kind: 'enum', default: 'pooled', options: ['pooled', 'per-block'], label: 'block mode' },
  hz: { kind: 'int', default: 4, min: 1, max: 30, label: 'UI updates per second' },
  backend: { kind: 'enum', default: 'auto', options: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'], label: 'backend' },
};

export const PARAM_KEYS = Object.keys(TRAINING_SCHEMA) as (keyof TrainingParams)[];

/** Settings that do not change what is trained: they may change while a run is in progress. */
export const LIVE_KEYS: ReadonlySet<keyof TrainingParams> = new Set<keyof TrainingParams>(['hz']);

export function defaultParams(): TrainingParams {
  const out: Record<string, unknown> = {};
  for (const key of PARAM_KEYS) {
    const field = TRAINING_SCHEMA[key];
    out[key] = field.kind === 'list' ? [...field.default] : field.default;
  }
  return out as unknown as TrainingParams;
}
