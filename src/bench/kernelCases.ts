// Fused WGSL kernels vs the composed tf-op paths (webgpu only: the fused ops exist only there).
// Ratio = composed time / fused time, both measured in the same run on the same backend.
import * as tf from '@tensorflow/tfjs-core';
import { batchedIsqrt, patchCovariance, type PatchOptions } from '../core/ops';
import { newtonSchulzComposed } from '../core/newtonSchulz';
import { patchCovarianceComposed } from '../core/patchCovariance';
import { measure } from '../gpu/check/timing';
import type { CaseContext } from './context';
import { atLeast, comparisonRow, ms, type Target } from './rows';
import type { BenchRow } from './types';

const ISQRT_ITERS = 5;
/** [batch, n]: the sizes of the WGSL issue; 576 only with `full`. */
export const ISQRT_SHAPES: readonly [number, number][] = [
  [1, 27],
  [16, 36],
  [1, 144],
  [1, 576],
];
export const COV_SHAPE: [number, number, number, number] = [64, 32, 32, 16];
export const COV_OPTS: PatchOptions = { kernel: 3, samplingStride: 3, padding: 'same' };
const SPEEDUP = 'composed / fused, higher is better';

type Isqrt = (cov: tf.Tensor3D, iters: number) => { isqrt: tf.Tensor3D; sqrt: tf.Tensor3D };

function spdBatch(batch: number, n: number): tf.Tensor3D {
  return tf.tidy(() => {
    const x = tf.randomNormal([batch, n, 2 * n], 0, 1, 'float32', 7);
    return tf.add(tf.div(tf.matMul(x, x, false, true), 2 * n), tf.mul(tf.eye(n), 1e-3)) as tf.Tensor3D;
  });
}

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

async function fusedVsComposed(
  ctx: CaseContext,
  group: string,
  label: string,
  fused: () => tf.Tensor[],
  composed: () => tf.Tensor[],
  target: Target,
): Promise<BenchRow> {
  ctx.progress(`${group}: ${label}`);
  const { maxReps, budgetMsPerCase } = ctx.options;
  const f = await measure(fused, maxReps, budgetMsPerCase);
  const c = await measure(composed, maxReps, budgetMsPerCase);
  return comparisonRow({
    group,
    label,
    backend: ctx.backend,
    a: ms('composed', c.medianMs),
    b: ms('fused', f.medianMs),
    ratioMeaning: SPEEDUP,
    target,
    reps: Math.min(f.reps, c.reps),
    extra: [ms('fused first run (compiles)', f.warmupMs)],
  });
}

export async function* isqrtCases(ctx: CaseContext): AsyncGenerator<BenchRow, void, undefined> {
  for (const [batch, n] of ISQRT_SHAPES) {
    if (n > 144 && !ctx.options.full) continue;
    const target = n <= 36 ? atLeast(5) : atLeast(1);
    const cov = spdBatch(batch, n);
    const weights = tf.randomNormal([batch, n, n], 0, 1, 'float32', 3) as tf.Tensor3D;
    const shape = `${batch}x${n}x${n} K=${ISQRT_ITERS}`;
    try {
      const group = 'isqrt_fused_vs_composed';
      yield await fusedVsComposed(ctx, group, `forward ${shape}`, forward(batchedIsqrt, cov), forward(newtonSchulzComposed, cov), target);
      yield await fusedVsComposed(
        ctx,
        group,
        `forward+backward ${shape}`,
        forwardBackward(batchedIsqrt, cov, weights),
        forwardBackward(newtonSchulzComposed, cov, weights),
        target,
      );
    } finally {
      tf.dispose([cov, weights]);
    }
  }
}

export async function* covarianceCases(ctx: CaseContext): AsyncGenerator<BenchRow, void, undefined> {
  const x = tf.randomUniform(COV_SHAPE, 0, 1, 'float32', 5) as tf.Tensor4D;
  const stats = (fn: typeof patchCovariance) => () => {
    const s = fn(x, COV_OPTS);
    return [s.mean, s.cov];
  };
  try {
    const label = `${COV_SHAPE.join('x')} k=${COV_OPTS.kernel} S=${COV_OPTS.samplingStride} ${String(COV_OPTS.padding)}`;
    yield await fusedVsComposed(
      ctx,
      'covariance_fused_vs_im2col',
      label,
      stats(patchCovariance),
      stats(patchCovarianceComposed),
      atLeast(2),
    );
  } finally {
    x.dispose();
  }
}
