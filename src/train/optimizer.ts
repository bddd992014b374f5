// SGD with momentum and Adam, with weight decay added to the gradient explicitly (L2, as PyTorch's
// `weight_decay`), and the learning rate passed per step so schedules are per iteration.
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from './protocol';

export interface OptimizerSettings {
  kind: OptimizerName;
  /** SGD momentum. */
  momentum: number;
  weightDecay: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export class Optimizer {
  private readonly first = new Map<string, tf.Variable>();
  private readonly second = new Map<string, tf.Variable>();
  private steps = 0;

  constructor(
    private readonly variables: tf.Variable[],
    private readonly settings: OptimizerSettings,
  ) {
    for (const v of variables) {
      this.first.set(
        v.name,
        tf.tidy(() => tf.variable(tf.zerosLike(v), false)),
      );
      if (settings.kind === 'adam')
        this.second.set(
          v.name,
          tf.tidy(() => tf.variable(tf.zerosLike(v), false)),
        );
    }
  }

  /** Updates applied so far. */
  get stepCount(): number {
    return this.steps;
  }

  /** Continues from a checkpoint: Adam's bias correction depends on the number of updates. */
  set stepCount(steps: number) {
    this.steps = steps;
  }

  /** State variables (momentum / Adam moments), in the order of the trained variables. */
  slots(): tf.Variable[] {
    return [...this.first.values(), ...this.second.values()];
  }

  /** One update with gradients keyed by variable name (missing gradients leave a variable unchanged). */
  apply(grads: tf.NamedTensorMap, lr: number): void {
    this.steps += 1;
    const { kind, momentum, weightDecay } = this.settings;
    const b1 = this.settings.beta1 ?? 0.9;
    const b2 = this.settings.beta2 ?? 0.999;
    const eps = this.settings.epsilon ?? 1e-8;
    tf.tidy(() => {
      for (const v of this.variables) {
        const raw = grads[v.name];
        if (!raw) continue;
        const g = weightDecay > 0 ? tf.add(raw, tf.mul(v, weightDecay)) : raw;
        const m = this.first.get(v.name) as tf.Variable;
        if (kind === 'sgd') {
          const velocity = tf.add(tf.mul(m, momentum), g);
          m.assign(velocity);
          v.assign(tf.sub(v, tf.mul(velocity, lr)));
        } else {
          const s = this.second.get(v.name) as tf.Variable;
          const m1 = tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1));
          const s1 = tf.add(tf.mul(s, b2), tf.mul(tf.square(g), 1 - b2));
          m.assign(m1);
          s.assign(s1);
          const mHat = tf.div(m1, 1 - b1 ** this.steps);
          const sHat = tf.div(s1, 1 - b2 ** this.steps);
          v.assign(tf.sub(v, tf.mul(tf.div(mHat, tf.add(tf.sqrt(sHat), eps)), lr)));
        }
      }
    });
  }

  dispose(): void {
    for (const t of this.slots()) t.dispose();
  }
}
