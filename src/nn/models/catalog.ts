// Every model the app, the CLI, the benchmark and the reproduction can train, declared once, with
// what the rooms above need to know about it (label, datasets, input shape, cost). No tfjs here: the
// UI and the URL schema import this file; the builders live in ./registry.ts, keyed by the same
// names, so a model missing there (or extra there) fails to compile.
import type { DatasetName } from '../../data/dataset';

export interface ModelInfo {
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
}

const GREY: readonly DatasetName[] = ['mnist', 'fashion-mnist'];
const GREY_SHAPE = [28, 28, 1] as const;
const COLOUR_SHAPE = [32, 32, 3] as const;

export const MODEL_CATALOG = {
  mlp: {
    label: 'MLP (128-128, ReLU)',
    description: 'Two hidden dense layers of 128 with ReLU; deconvolution folded into every dense layer (Delinear).',
    datasets: GREY,
    inputShape: GREY_SHAPE,
    cost: 'tiny',
  },
  'simple-cnn': {
    label: 'Simple CNN',
    description: 'Two 3x3 conv blocks (16, 32 channels, ReLU, max-pool) and a linear classifier.',
    datasets: GREY,
    inputShape: GREY_SHAPE,
    cost: 'small',
  },
  'vgg-mini': {
    label: 'VGG-mini',
    description:
      'A small VGG for CIFAR-10: 3x3 conv blocks of 16, 32, 32, 64, 64 channels with max-pools, global average pool, classifier.',
    datasets: ['cifar10'],
    inputShape: COLOUR_SHAPE,
    cost: 'large',
  },
  'resnet-mini': {
    label: 'ResNet-mini',
    description:
      'A small ResNet for CIFAR-10: a 16-channel stem and basic blocks of 16, 32 and 64 channels, global average pool, classifier.',
    datasets: ['cifar10'],
    inputShape: COLOUR_SHAPE,
    cost: 'large',
  },
  'paper-mlp': {
    label: "Paper's MNIST MLP (sigmoid, channel deconv)",
    description:
      "The reference's own MNIST MLP: 784-128-128-10 with sigmoid activations and channel deconvolution of every dense layer's input.",
    datasets: GREY,
    inputShape: GREY_SHAPE,
    cost: 'tiny',
  },
} as const satisfies Record<string, ModelInfo>;

export type ModelName = keyof typeof MODEL_CATALOG;

/** Every model name, in the catalogue's order (the order of the UI's select and of the CLI's messages). */
export const MODEL_NAMES = Object.keys(MODEL_CATALOG) as ModelName[];

export function isModelName(value: string): value is ModelName {
  return Object.hasOwn(MODEL_CATALOG, value);
}

/** Labels for the UI's select, keyed by model name. */
export const MODEL_LABELS = Object.fromEntries(MODEL_NAMES.map((name) => [name, MODEL_CATALOG[name].label])) as Record<ModelName, string>;
