// Default training configuration (browser-sized; the paper's CIFAR values are in spec §9).
import type { TrainConfig } from './protocol';

export const DEFAULT_TRAIN_CONFIG: TrainConfig = {
  dataset: 'fashion-mnist',
  model: 'simple-cnn',
  norms: ['deconv', 'batchnorm'],
  optimizer: 'sgd',
  lr: 0.05,
  momentum: 0.9,
  weightDecay: 1e-3,
  schedule: 'cosine',
  batchSize: 128,
  epochs: 1,
  seed: 1,
  evalEvery: 20,
  evalSize: 1000,
  deconv: { block: 64, iters: 5, inputIters: 15, eps: 1e-5, samplingStride: 3, freezeIters: 0, blockMode: 'pooled' },
};
