// Seeded synthetic batches of a model's dataset shape: the step benchmarks measure cost, not
// learning, so random images with random labels are enough and need no download.
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../core/mulberry32';
import type { ModelName } from '../train/protocol';

export const CLASSES = 10;

/** MNIST / Fashion-MNIST shape for the mlp and simple-cnn, CIFAR-10 shape for the others. */
export function benchInputShape(model: ModelName): [number, number, number] {
  return model === 'mlp' || model === 'simple-cnn' ? [28, 28, 1] : [32, 32, 3];
}

export interface SyntheticBatch {
  x: tf.Tensor4D;
  oneHot: tf.Tensor2D;
}

export function syntheticBatch(shape: [number, number, number], batch: number, seed: number): SyntheticBatch {
  const random = mulberry32(seed);
  const labels = Int32Array.from({ length: batch }, () => Math.floor(random() * CLASSES));
  const x = tf.randomUniform([batch, ...shape], 0, 1, 'float32', seed) as tf.Tensor4D;
  const oneHot = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES), 'float32')) as tf.Tensor2D;
  return { x, oneHot };
}
