// Learning rate per iteration and the classification loss.
import * as tf from '@tensorflow/tfjs-core';
import type { ScheduleName } from './protocol';

/** Cosine annealing from `lr` at step 0 to 0 at `totalSteps` (reference), or constant. */
export function learningRate(schedule: ScheduleName, lr: number, step: number, totalSteps: number): number {
  if (schedule === 'constant' || totalSteps <= 0) return lr;
  return 0.5 * lr * (1 + Math.cos((Math.PI * Math.min(step, totalSteps)) / totalSteps));
}

/** Mean softmax cross-entropy of logits [batch, classes] against one-hot labels. */
export function crossEntropy(logits: tf.Tensor2D, oneHot: tf.Tensor2D): tf.Scalar {
  return tf.tidy(() => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, tf.logSoftmax(logits)), 1))) as tf.Scalar);
}
