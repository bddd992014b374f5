// The fused-vs-composed benchmark cases, shared by the browser page and the Node runner.
// Every ratio is composed time / fused time, both measured in the same run on the same backend.
import * as tf from '@tensorflow/tfjs-core';
import { batchedIsqrt, patchCovariance, type PatchOptions } from '../../core/ops';
import { newtonSchulzComposed } from '../../core/newtonSchulz';
import { patchCovarianceComposed } from '../../core/patchCovariance';
import { measure, type Timing } from './timing';

export interface BenchOptions {
  /** Include the 576 x 576 cases (minutes on a software adapter). */
  large: boolean;
  /** Include forward+backward cases (needs tfjs-core's gradients registered). */
  gradients: boolean;
  maxReps: number;
  budgetMsPerCase: number;
}

export interface BenchRow {
  name: string;
  shape: string;
  fusedMs: number;
  composedMs: number;
  /** composed / fused: above 1 means the fused kernel is faster. */
  speedup: number;
  reps: number;
  target: string;
  met: boolean;
}

const ISQRT_ITERS = 5;
export const ISQRT_SHAPES: [number, number][] = [
  [1, 27],
  [16, 36],
  [1, 144],
  [1, 576],
];
export const COV_SHAPE: [number, number, number, number] = [64, 32, 32, 16];
export const COV_OPTS: PatchOptions = { kernel: 3, samplingStride: 3, padding: 'same' };

function spdBatch(batch: number, n: number): tf.Tensor3D {
  return tf.tidy(() => {
    const x = tf.randomNormal([batch, n, 2 * n], 0, 1, 'float32', 7);
    return tf.add(tf.div(tf.matMul(x, x, false, true), 2 * n), tf.mul(tf.eye(n), 1e-3)) as tf.Tensor3D;
  });
}

type Isqrt = (cov: tf.Tensor3D, iters: number) => { isqrt: tf.Tensor3D; sqrt: tf.Tensor3D };

function forward(fn: Isqrt, cov: tf.Tensor3D): () => tf.Tensor[] {
  return () => {
    const r = fn(cov, ISQRT_ITERS);
    return [r.isqrt, r.sqrt];
  };
}

function forwardBackward(fn: Isqrt, cov: tf.Tensor3D, weights: tf.Tensor3D): () => tf.Tensor[] {
  return () => {
    const { value, grads } = tf.valueAndGrads((c: tf.Tensor) => tf.sum(tf.mul(fn(c as tf.Tensor3D, ISQRT_ITERS).isqrt, weights)))([cov]);
    return [value, ...grads];
  };
}

async function compare(
  name: string,
  shape: string,
  fused: () => tf.Tensor[],
  composed: () => tf.Tensor[],
  target: { text: string; min: number },
  opts: BenchOptions,
): Promise<BenchRow> {
  const f: Timing = await measure(fused, opts.maxReps, opts.budgetMsPerCase);
  const c: Timing = await measure(composed, opts.maxReps, opts.budgetMsPerCase);
  const speedup = c.medianMs / f.medianMs;
  return { name, shape, fusedMs: f.medianMs, composedMs: c.medianMs, speedup, reps: Math.min(f.reps, c.reps), target: target.text, met: speedup >= target.min };
}

export async function runBench(opts: BenchOptions, onRow: (row: BenchRow) => void = () => {}): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const add = (row: BenchRow) => {
    rows.push(row);
    onRow(row);
  };
  for (const [batch, n] of ISQRT_SHAPES) {
    if (n > 144 && !opts.large) continue;
    const small = n <= 36;
    const target = small ? { text: '>= 5x', min: 5 } : { text: '>= 1x', min: 1 };
    const cov = spdBatch(batch, n);
    const weights = tf.randomNormal([batch, n, n], 0, 1, 'float32', 3) as tf.Tensor3D;
    const shape = `${batch}x${n}x${n} K=${ISQRT_ITERS}`;
    add(await compare('isqrt_fused_vs_composed forward', shape, forward(batchedIsqrt, cov), forward(newtonSchulzComposed, cov), target, opts));
    if (opts.gradients) {
      add(
        await compare(
          'isqrt_fused_vs_composed forward+backward',
          shape,
          forwardBackward(batchedIsqrt, cov, weights),
          forwardBackward(newtonSchulzComposed, cov, weights),
          target,
          opts,
        ),
      );
    }
    tf.dispose([cov, weights]);
  }
  const x = tf.randomUniform(COV_SHAPE, 0, 1, 'float32', 5) as tf.Tensor4D;
  const stats = (fn: typeof patchCovariance) => () => {
    const s = fn(x, COV_OPTS);
    return [s.mean, s.cov];
  };
  add(
    await compare(
      'covariance_fused_vs_im2col',
      `${COV_SHAPE.join('x')} k=${COV_OPTS.kernel} S=${COV_OPTS.samplingStride} ${String(COV_OPTS.padding)}`,
      stats(patchCovariance),
      stats(patchCovarianceComposed),
      { text: '>= 2x', min: 2 },
      opts,
    ),
  );
  x.dispose();
  return rows;
}
