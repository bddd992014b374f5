// What one reproduction run is (spec) and what it leaves in reports/reproduce-*.json (result).
import type { DatasetName, ModelName, NormKind } from '../../src/train/protocol';

export const MODELS = ['mlp', 'simple-cnn', 'paper-mlp', 'vgg-mini', 'resnet-mini'] as const satisfies readonly ModelName[];
/** Models of a run without --models; the reference's own MLP runs on request (--models paper-mlp). */
export const DEFAULT_MODELS = ['mlp', 'simple-cnn'] as const satisfies readonly (typeof MODELS)[number][];
/** The CIFAR-10 models: planned (on cifar10 only) when `--cifar <path>` is given. */
export const CIFAR_MODELS = ['vgg-mini', 'resnet-mini'] as const satisfies readonly (typeof MODELS)[number][];
export const DATASETS = ['mnist', 'fashion-mnist', 'cifar10'] as const satisfies readonly DatasetName[];
/** Datasets of a run without --datasets (cifar10 joins them when `--cifar <path>` is given). */
export const DEFAULT_DATASETS = ['mnist', 'fashion-mnist'] as const satisfies readonly (typeof DATASETS)[number][];
export type ReproModel = (typeof MODELS)[number];
export type ReproDataset = (typeof DATASETS)[number];

export const isCifarModel = (m: ReproModel): boolean => (CIFAR_MODELS as readonly ReproModel[]).includes(m);
/** CIFAR models train on cifar10 only, the others on the shipped grey-scale sets only. */
export const fitsDataset = (m: ReproModel, d: ReproDataset): boolean => isCifarModel(m) === (d === 'cifar10');

export interface RunSpec {
  model: ReproModel;
  dataset: ReproDataset;
  /** 'main' (the protocol) or the name of an ablation (scripts/reproduce/ablations.ts, cnnAblations.ts). */
  ablation: string;
  lr: number;
  seed: number;
  epochs: number;
}

export const runId = (s: RunSpec): string => `${s.model}/${s.dataset}/${s.ablation}/lr${s.lr}/seed${s.seed}/ep${s.epochs}`;

export interface Sparsity {
  kurtosis: number;
  nearZero: number;
}

export interface LayerProbe {
  layer: string;
  pre: Sparsity;
  post: Sparsity;
}

export interface VariantResult {
  norm: NormKind;
  params: number;
  /** Training loss of every step (null after divergence). */
  losses: (number | null)[];
  msPerStep: number;
  diverged: boolean;
  /** Accuracies in [0, 1] after the last step, evaluated with the running statistics (the model's eval mode). */
  validationAccuracy: number;
  testAccuracy: number;
  /** Test accuracy with each test batch's own statistics (training-mode normalisation), a check of the eval path. */
  testAccuracyBatchStats: number;
  /** Activation sparsity on a fixed probe batch (validation images), eval mode, at several steps. */
  probes: { step: number; layers: LayerProbe[] }[];
}

export interface RunResult extends RunSpec {
  batchSize: number;
  trainImages: number;
  validationImages: number;
  testImages: number;
  backend: string;
  complete: boolean;
  stepsDone: number;
  totalSteps: number;
  seconds: number;
  /** The input before and after the deconvolution input layer's (data-fixed) whitening, on the probe batch. */
  inputWhitening?: { raw: Sparsity; whitened: Sparsity };
  variants: VariantResult[];
}
