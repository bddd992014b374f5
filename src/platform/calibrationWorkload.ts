// A fixed, small workload shaped like a training step (a 3x3 convolution, a matrix product, a
// chain of small element-wise ops whose cost is mostly per-op overhead), timed on the active
// tfjs backend. One untimed run first compiles shaders / warms caches; the best of the timed runs
// is the figure, so a busy machine disturbs it less.
import * as tf from '@tensorflow/tfjs-core';

export interface WorkloadSize {
  batch: number;
  side: number;
  channels: number;
  matrix: number;
  smallOps: number;
}

export const CALIBRATION_SIZE: WorkloadSize = { batch: 4, side: 24, channels: 16, matrix: 128, smallOps: 12 };

function runOnce(x: tf.Tensor4D, w: tf.Tensor4D, m: tf.Tensor2D, size: WorkloadSize): tf.Scalar {
  return tf.tidy(() => {
    const conv = tf.relu(tf.conv2d(x, w, 1, 'same'));
    let product = tf.matMul(m, m, false, true);
    for (let i = 0; i < size.smallOps; i++) product = tf.mul(tf.add(product, 0.5), 0.5);
    return tf.add(tf.mean(conv), tf.mean(product)) as tf.Scalar;
  });
}

/** Milliseconds of one warm run of the workload on the active backend (best of `runs`). */
export async function timeWorkload(size: WorkloadSize = CALIBRATION_SIZE, runs = 2): Promise<number> {
  const { batch, side, channels, matrix } = size;
  const x = tf.randomUniform([batch, side, side, channels], -1, 1, 'float32', 1) as tf.Tensor4D;
  const w = tf.randomUniform([3, 3, channels, channels], -0.2, 0.2, 'float32', 2) as tf.Tensor4D;
  const m = tf.randomUniform([matrix, matrix], -1, 1, 'float32', 3) as tf.Tensor2D;
  try {
    const warm = runOnce(x, w, m, size);
    await warm.data();
    warm.dispose();
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const out = runOnce(x, w, m, size);
      const value = (await out.data())[0];
      best = Math.min(best, performance.now() - started);
      out.dispose();
      if (!Number.isFinite(value)) throw new Error('the calibration workload gave a non-finite result');
    }
    return best;
  } finally {
    x.dispose();
    w.dispose();
    m.dispose();
  }
}
