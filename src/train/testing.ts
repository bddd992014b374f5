// Synthetic datasets and configs for trainer tests (no files needed).
import type { Dataset, Split } from '../data/dataset';
import { createRng } from '../nn/random';
import type { TrainConfig } from './protocol';

/** Class c brightens one of four horizontal bands; plus noise. */
function split(count: number, size: number, seed: number): Split {
  const rng = createRng(seed);
  const images = new Uint8Array(count * size * size);
  const labels = new Uint8Array(count);
  for (let n = 0; n < count; n += 1) {
    const label = n % 4;
    labels[n] = label;
    for (let y = 0; y < size; y += 1)
      for (let x = 0; x < size; x += 1) {
        const band = Math.floor((y * 4) / size);
        images[(n * size + y) * size + x] = Math.round((band === label ? 150 : 40) + 100 * rng());
      }
  }
  return { images, labels, count };
}

export function syntheticDataset(trainCount = 64, testCount = 32, size = 8): Dataset {
  return {
    name: 'mnist',
    height: size,
    width: size,
    channels: 1,
    classes: ['a', 'b', 'c', 'd'],
    train: split(trainCount, size, 1),
    test: split(testCount, size, 2),
  };
}

export function testConfig(overrides: Partial<TrainConfig> = {}): TrainConfig {
  return {
    dataset: 'mnist',
    model: 'mlp',
    norms: ['deconv', 'batchnorm'],
    optimizer: 'sgd',
    lr: 0.05,
    momentum: 0.9,
    weightDecay: 1e-4,
    schedule: 'cosine',
    batchSize: 16,
    epochs: 2,
    seed: 1,
    evalEvery: 3,
    evalSize: 32,
    deconv: { block: 16, iters: 5, inputIters: 15, eps: 1e-5, samplingStride: 1, freezeIters: 0, blockMode: 'pooled' },
    ...overrides,
  };
}
