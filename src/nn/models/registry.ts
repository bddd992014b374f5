// Every model the app, the CLI, the benchmark and the reproduction can train, declared once. The
// model lists of those rooms (URL schema, UI select, CLI flag, bench cases) are derived from this
// table, so adding a model is one model file plus one entry here (and a test beside the model).
import type { DatasetName } from '../../data/dataset';
import type { Model } from '../model';
import type { ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';
import { Mlp } from './mlp';
import { PaperMlp } from './paperMlp';
import { ResnetMini } from './resnetMini';
import { SimpleCnn } from './simpleCnn';
import { VggMini } from './vggMini';

export type ModelBuilder = (norm: NormKind, inputShape: [number, number, number], classes: number, settings: ModelSettings, seed: number) => Model;

export interface ModelEntry {
  /** Shown in the UI's model select. */
  label: string;
  /** One sentence: what the model is and why it is here. */
  description: string;
  /** Datasets the model was made for (every model accepts any image shape). */
  datasets: readonly DatasetName[];
  /** The image shape [height, width, channels] it was made for; the benchmark feeds it this shape. */
  inputShape: readonly [number, number, number];
  /** Rough cost of one training step: a default benchmark run skips 'large' models on slow backends. */
  cost: 'tiny' | 'small' | 'large';
  build: ModelBuilder;
}

const GREY: readonly DatasetName[] = ['mnist', 'fashion-mnist'];
const GREY_SHAPE = [28, 28, 1] as const;
const COLOUR_SHAPE = [32, 32, 3] as const;

export const MODELS = {
  mlp: {
    label: 'MLP (784-128-128-10, ReLU)',
    description: 'Two hidden dense layers of 128 with ReLU; deconvolution folded into every dense layer (Delinear).',
    datasets: GREY,
    inputShape: GREY_SHAPE,
    cost: 'tiny',
    build: (norm, shape, classes, settings, seed) => new Mlp(norm, shape, classes, settings, seed),
  },
  'paper-mlp': {
    label: "Paper's MNIST MLP (sigmoid, channel deconv)",
    description: "The reference's own MNIST MLP: 784-128-128-10 with sigmoid activations and channel deconvolution of every dense layer's input.",
    datasets: GREY,
    inputShape: GREY_SHAPE,
    cost: 'tiny',
    build: (norm, shape, classes, settings, seed) => new PaperMlp(norm, shape, classes, settings, seed),
  },
  'simple-cnn': {
    label: 'Simple CNN (2 conv layers)',
    description: 'Two 3x3 conv blocks (16, 32 channels, ReLU, max-pool) and a linear classifier.',
    datasets: GREY,
    inputShape: GREY_SHAPE,
    cost: 'small',
    build: (norm, shape, classes, settings, seed) => new SimpleCnn(norm, shape, classes, settings, seed),
  },
  'vgg-mini': {
    label: 'VGG-mini (CIFAR-10)',
    description: 'A small VGG-style stack of 3x3 conv blocks for CIFAR-10.',
    datasets: ['cifar10'],
    inputShape: COLOUR_SHAPE,
    cost: 'large',
    build: (norm, shape, classes, settings, seed) => new VggMini(norm, shape, classes, settings, seed),
  },
  'resnet-mini': {
    label: 'ResNet-mini (CIFAR-10)',
    description: 'A small residual network for CIFAR-10.',
    datasets: ['cifar10'],
    inputShape: COLOUR_SHAPE,
    cost: 'large',
    build: (norm, shape, classes, settings, seed) => new ResnetMini(norm, shape, classes, settings, seed),
  },
} as const satisfies Record<string, ModelEntry>;

export type ModelName = keyof typeof MODELS;

/** Every model name, in the registry's order (the order of the UI's select). */
export const MODEL_NAMES = Object.keys(MODELS) as ModelName[];

export function isModelName(value: string): value is ModelName {
  return Object.hasOwn(MODELS, value);
}

export function modelEntry(name: ModelName): ModelEntry {
  return MODELS[name];
}

/** Labels for the UI's select, keyed by model name. */
export const MODEL_LABELS = Object.fromEntries(MODEL_NAMES.map((name) => [name, MODELS[name].label])) as Record<ModelName, string>;
