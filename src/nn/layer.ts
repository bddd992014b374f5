// The contract every layer and model block follows: explicit variables, forward(x, ctx).
import type * as tf from '@tensorflow/tfjs-core';

export interface ForwardContext {
  training: boolean;
  /**
   * Index of the training step when the caller knows it (the trainer does): freeze schedules follow
   * it, so a run restored from a checkpoint keeps its schedule. Layers count passes otherwise.
   */
  step?: number;
  /** When set (probe runs), normalised blocks report their tensors before and after the nonlinearity. */
  record?: (layer: string, pre: tf.Tensor, post: tf.Tensor) => void;
}

export interface Layer {
  readonly name: string;
  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor;
  /** Variables the optimiser updates. */
  trainableVariables(): tf.Variable[];
  /** Non-trainable state (running statistics). */
  stateVariables(): tf.Variable[];
  dispose(): void;
}

export function countParams(variables: readonly tf.Variable[]): number {
  return variables.reduce((sum, v) => sum + v.size, 0);
}
