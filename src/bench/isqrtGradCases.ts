// Gradient of the composed inverse square root: reverse mode through the unrolled K steps vs the
// closed-form Lyapunov solve (src/core/isqrtLyapunov.ts), forward+backward of L = sum(isqrt * W).
// Both call the composed tf-op paths directly, so every backend (webgpu too) measures the same code;
// the three timings alternate round by round (src/bench/interleavedTiming.ts).
// Ratio = unrolled / lyapunov (higher is better; context for choosing the default, no target).
import * as tf from '@tensorflow/tfjs-core';
import { newtonSchulzLyapunov } from '../core/isqrtLyapunov';
import { newtonSchulzComposed } from '../core/newtonSchulz';
import type { CaseContext } from './context';
import { measureInterleaved } from './interleavedTiming';
import { comparisonRow, ms, skippedRow } from './rows';
import type { BenchRow } from './types';

export const ISQRT_GRAD_GROUP = 'isqrt_grad_lyapunov_vs_unrolled';
export const ISQRT_GRAD_ITERS = 5;
/** [batch, n]: one pooled 576 (block 64, 3x3), per-block 36 (block 4) and 144 (block 16) stacks. */
export const ISQRT_GRAD_SHAPES: readonly [number, number][] = [
  [16, 36],
  [8, 144],
  [1, 576],
];

type Isqrt = (cov: tf.Tensor3D, iters: number) => { isqrt: tf.Tensor3D; sqrt: tf.Tensor3D };

/** Wishart-like SPD stack (x xᵀ / 2n + 1e-3 I), the same as the fused-kernel group's. */
function spdBatch(batch: number, n: number): tf.Tensor3D {
  return tf.tidy(() => {
    const x = tf.randomNormal([batch, n, 2 * n], 0, 1, 'float32', 7);
    return tf.add(tf.div(tf.matMul(x, x, false, true), 2 * n), tf.mul(tf.eye(n), 1e-3)) as tf.Tensor3D;
  });
}

function forwardBackward(fn: Isqrt, cov: tf.Tensor3D, weights: tf.Tensor3D): () => tf.Tensor[] {
  return () => {
    const { value, grads } = tf.valueAndGrads((c: tf.Tensor) => tf.sum(tf.mul(fn(c as tf.Tensor3D, ISQRT_GRAD_ITERS).isqrt, weights)))([
      cov,
    ]);
    return [value, ...grads];
  };
}

function forwardOnly(cov: tf.Tensor3D): () => tf.Tensor[] {
  return () => {
    const r = newtonSchulzComposed(cov, ISQRT_GRAD_ITERS);
    return [r.isqrt, r.sqrt];
  };
}

export async function* isqrtGradCases(
  ctx: CaseContext,
  shapes: readonly [number, number][] = ISQRT_GRAD_SHAPES,
): AsyncGenerator<BenchRow, void, undefined> {
  const { maxReps, budgetMsPerCase, full } = ctx.options;
  for (const [batch, n] of shapes) {
    const label = `forward+backward ${batch}x${n}x${n} K=${ISQRT_GRAD_ITERS}`;
    if (n > 144 && !full) {
      yield skippedRow(
        ISQRT_GRAD_GROUP,
        label,
        ctx.backend,
        'skipped by default (576 x 576: about a minute per run on cpu); runs with --full',
      );
      continue;
    }
    ctx.progress(`${ISQRT_GRAD_GROUP}: ${label}`);
    const cov = spdBatch(batch, n);
    const weights = tf.randomNormal([batch, n, n], 0, 1, 'float32', 3) as tf.Tensor3D;
    try {
      const [unrolled, lyapunov, forward] = await measureInterleaved(
        [forwardBackward(newtonSchulzComposed, cov, weights), forwardBackward(newtonSchulzLyapunov, cov, weights), forwardOnly(cov)],
        maxReps,
        budgetMsPerCase,
      );
      yield comparisonRow({
        group: ISQRT_GRAD_GROUP,
        label,
        backend: ctx.backend,
        a: ms('unrolled', unrolled.medianMs),
        b: ms('lyapunov', lyapunov.medianMs),
        ratioMeaning: 'unrolled / lyapunov, higher is better',
        reps: Math.min(unrolled.reps, lyapunov.reps),
        extra: [ms('forward only', forward.medianMs)],
      });
    } finally {
      tf.dispose([cov, weights]);
    }
  }
}
