// Seeded synthetic batches of a model's dataset shape: the step benchmarks measure cost, not
// learning, so random images with random labels are enough and need no download.
import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../core/mulberry32';
import { MODEL_CATALOG, type ModelName } from '../nn/models/catalog';

export const CLASSES = 10;

/** The image shape the model was made for (MNIST-sized or CIFAR-10-sized, from the model catalogue). */
export function benchInputShape(model: ModelName): [number, number, number] {
  const [h, w, c] = MODEL_CATALOG[model].inputShape;
  return [h, w, c];
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
