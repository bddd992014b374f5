// In-browser correctness checks of the fused ops on WebGPU: each compares the fused result with
// the composed tf-op path on the same backend, inside a validation error scope.
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { batchedIsqrt, patchCovariance, type PatchOptions } from '../../core/ops';
import { newtonSchulzComposed } from '../../core/newtonSchulz';
import { patchCovarianceComposed } from '../../core/patchCovariance';

export interface CheckResult {
  name: string;
  maxRelError: number;
  tolerance: number;
  ok: boolean;
  validationError?: string;
}

async function valuesOf(fn: () => tf.Tensor[]): Promise<{ values: Float32Array[]; validationError?: string }> {
  const device = (tf.backend() as WebGPUBackend).device;
  device.pushErrorScope('validation');
  const outs = fn();
  const values = await Promise.all(outs.map(async (t) => (await t.data()) as Float32Array));
  tf.dispose(outs);
  const error = await device.popErrorScope();
  return { values, validationError: error?.message };
}

function maxRel(a: Float32Array[], b: Float32Array[]): number {
  let worst = 0;
  a.forEach((x, k) => {
    const y = b[k] ?? new Float32Array();
    let diff = 0;
    let scale = 0;
    y.forEach((v, i) => {
      diff = Math.max(diff, Math.abs((x[i] ?? NaN) - v));
      scale = Math.max(scale, Math.abs(v));
    });
    worst = Math.max(worst, diff / scale);
  });
  return worst;
}

async function check(name: string, tolerance: number, fused: () => tf.Tensor[], composed: () => tf.Tensor[]): Promise<CheckResult> {
  const f = await valuesOf(fused);
  const c = await valuesOf(composed);
  const maxRelError = maxRel(f.values, c.values);
  const validationError = f.validationError ?? c.validationError;
  return { name, maxRelError, tolerance, ok: !validationError && maxRelError <= tolerance, validationError };
}

function spd(batch: number, n: number): tf.Tensor3D {
  return tf.tidy(() => {
    const x = tf.randomNormal([batch, n, 2 * n], 0, 1, 'float32', 1);
    return tf.add(tf.div(tf.matMul(x, x, false, true), 2 * n), tf.mul(tf.eye(n), 1e-3)) as tf.Tensor3D;
  });
}

type Isqrt = typeof batchedIsqrt;
const isqrtOut = (fn: Isqrt, a: tf.Tensor3D, k: number) => () => {
  const r = fn(a, k);
  return [r.isqrt, r.sqrt];
};
const isqrtGrad = (fn: Isqrt, a: tf.Tensor3D, k: number, w: tf.Tensor) => () => [
  tf.grad((x: tf.Tensor) => tf.add(tf.sum(tf.mul(fn(x as tf.Tensor3D, k).isqrt, w)), tf.sum(fn(x as tf.Tensor3D, k).sqrt)))(a),
];

export async function runChecks(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  // 27: one workgroup per matrix; 40: the tiled path.
  for (const [batch, n, k] of [
    [4, 27, 5],
    [1, 40, 3],
  ] as const) {
    const a = spd(batch, n);
    const w = tf.randomNormal([batch, n, n], 0, 1, 'float32', 2);
    results.push(await check(`isqrt ${batch}x${n}x${n} K=${k}`, 1e-4, isqrtOut(batchedIsqrt, a, k), isqrtOut(newtonSchulzComposed, a, k)));
    results.push(
      await check(
        `isqrt gradient ${batch}x${n}x${n} K=${k}`,
        1e-3,
        isqrtGrad(batchedIsqrt, a, k, w),
        isqrtGrad(newtonSchulzComposed, a, k, w),
      ),
    );
    tf.dispose([a, w]);
  }
  const x = tf.randomUniform([2, 10, 12, 3], 0, 1, 'float32', 4) as tf.Tensor4D;
  const opts: PatchOptions = { kernel: 3, samplingStride: 2, padding: 'same' };
  const stats = (fn: typeof patchCovariance) => () => {
    const s = fn(x, opts);
    return [s.mean, s.cov];
  };
  const statsGrad = (fn: typeof patchCovariance) => () => [
    tf.grad((input: tf.Tensor) => {
      const s = fn(input as tf.Tensor4D, opts);
      return tf.add(tf.sum(tf.mul(s.cov, s.cov)), tf.sum(s.mean));
    })(x),
  ];
  results.push(await check('patch covariance 2x10x12x3 k=3 S=2 same', 1e-4, stats(patchCovariance), stats(patchCovarianceComposed)));
  results.push(await check('patch covariance gradient', 1e-3, statsGrad(patchCovariance), statsGrad(patchCovarianceComposed)));
  x.dispose();
  return results;
}
