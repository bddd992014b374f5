// Deterministic initial values: drawn in JS from (seed, layer name), so the same layer gets the
// same weights on every backend and in every variant (deconv, batchnorm, none).
import * as tf from '@tensorflow/tfjs-core';
import { createRng, seedFor, uniformArray } from './random';

/** He-uniform weights U(-sqrt(6 / fanIn), sqrt(6 / fanIn)) as a trainable variable. */
export function heUniformVariable(seed: number, name: string, shape: number[], fanIn: number): tf.Variable {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = uniformArray(size, Math.sqrt(6 / fanIn), createRng(seedFor(seed, name)));
  return tf.tidy(() => tf.variable(tf.tensor(values, shape), true));
}

export function constantVariable(shape: number[], value: number, trainable = true): tf.Variable {
  // tidy disposes the initial tensor; the variable keeps its own reference to the data.
  return tf.tidy(() => tf.variable(tf.fill(shape, value), trainable));
}
