// One variant (model + optimiser) stepping on batches it is given; detects divergence in the step.
import * as tf from '@tensorflow/tfjs-core';
import type { Model } from '../nn/model';
import { Optimizer, type OptimizerSettings } from './optimizer';
import { crossEntropy } from './schedule';

export interface StepResult {
  loss: number;
  ms: number;
  diverged: boolean;
  /** Set on the step that diverged. */
  reason?: string;
}

/**
 * A loss this many times that of a uniform guess (ln classes) counts as diverged even while finite:
 * healthy cross-entropy training never gets there, and an exploding run reaches Inf a few steps later.
 */
export const EXPLODED_LOSS_FACTOR = 100;

/** Why a loss means divergence, or undefined when it is healthy. */
export function divergenceReason(loss: number, classes: number): string | undefined {
  if (!Number.isFinite(loss)) return `the loss became ${loss}`;
  const limit = EXPLODED_LOSS_FACTOR * Math.log(classes);
  if (loss > limit)
    return `the loss exploded to ${loss.toPrecision(4)} (over ${EXPLODED_LOSS_FACTOR}× the ${Math.log(classes).toFixed(2)} of a uniform guess)`;
  return undefined;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class VariantRunner {
  readonly optimizer: Optimizer;
  diverged = false;

  constructor(
    readonly model: Model,
    optimizerSettings: OptimizerSettings,
  ) {
    this.optimizer = new Optimizer(model.trainableVariables(), optimizerSettings);
  }

  /** Forward, backward, update; resolves after the loss has been read back (so `ms` covers the GPU work). */
  async step(x: tf.Tensor4D, oneHot: tf.Tensor2D, lr: number): Promise<StepResult> {
    const start = now();
    const lossTensor = this.record(x, oneHot, lr);
    const loss = (await lossTensor.data())[0];
    lossTensor.dispose();
    const ms = now() - start;
    const reason = divergenceReason(loss, this.model.classes);
    if (reason) this.diverged = true;
    return { loss, ms, diverged: this.diverged, reason };
  }

  /**
   * The step's work without reading anything back: what a compile-only pass runs to create every
   * pipeline of a step (platform/compileWarmup.ts). It updates the variables like a real step.
   */
  recordStep(x: tf.Tensor4D, oneHot: tf.Tensor2D, lr: number): void {
    this.record(x, oneHot, lr).dispose();
  }

  private record(x: tf.Tensor4D, oneHot: tf.Tensor2D, lr: number): tf.Scalar {
    return tf.tidy(() => {
      const { value, grads } = tf.variableGrads(
        () => crossEntropy(this.model.forward(x, { training: true, step: this.optimizer.stepCount }), oneHot),
        this.model.trainableVariables(),
      );
      this.optimizer.apply(grads, lr);
      return value;
    });
  }

  /** Everything a checkpoint must hold: weights, running statistics, optimiser slots (fixed order). */
  checkpointVariables(): tf.Variable[] {
    return [...this.model.trainableVariables(), ...this.model.stateVariables(), ...this.optimizer.slots()];
  }

  /** Number of correct predictions (eval mode) on images [n, h, w, c] with integer labels. */
  async correct(x: tf.Tensor4D, labels: tf.Tensor1D): Promise<number> {
    const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(this.model.forward(x, { training: false }), 1), labels), 'int32')));
    const count = (await hits.data())[0];
    hits.dispose();
    return count;
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }
}
