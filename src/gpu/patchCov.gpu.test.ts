// Fused patch statistics (WGSL, Node Dawn) against the composed im2col path on the same backend,
// the float64 im2col reference, and float64 finite differences for the input gradient.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { patchCovariance, type PatchOptions } from '../core/ops';
import { patchCovarianceComposed } from '../core/patchCovariance';
import { patchStats64 } from '../core/reference/patches';
import { seededRng } from '../core/reference/random';
import { checkedRun, startGpuForTests } from './testing/gpuTestEnv';

const env = await startGpuForTests();

type Shape = [number, number, number, number];
function randomInput(shape: Shape, seed: number): Float32Array {
  const rng = seededRng(seed);
  // Pixel-like values with a common offset, so centring matters.
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => 0.5 + 0.25 * rng.normal());
}

function maxRel(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < ref.length; i += 1) {
    diff = Math.max(diff, Math.abs(x[i] - ref[i]));
    scale = Math.max(scale, Math.abs(ref[i]));
  }
  return diff / scale;
}

const cases: { shape: Shape; opts: PatchOptions }[] = [
  { shape: [2, 9, 11, 3], opts: { kernel: 3, samplingStride: 1, padding: 'valid' } },
  { shape: [2, 9, 11, 3], opts: { kernel: 3, samplingStride: 3, padding: 'same' } },
  { shape: [1, 12, 10, 2], opts: { kernel: 5, samplingStride: 2, padding: 1, dilation: 2 } },
  { shape: [1, 8, 8, 4], opts: { kernel: 1, samplingStride: 3, padding: 'valid' } },
  // n = 144: several 32 x 32 tiles, as in the benchmark's layer.
  { shape: [4, 16, 16, 16], opts: { kernel: 3, samplingStride: 3, padding: 'same' } },
];

const describeOpts = (c: (typeof cases)[number]) =>
  `x [${c.shape.join(',')}] k=${c.opts.kernel} S=${c.opts.samplingStride} pad=${c.opts.padding} dil=${c.opts.dilation ?? 1}`;

describe.skipIf(!env.ready)(env.ready ? `fused patch covariance on ${env.adapter}` : `SKIPPED: ${env.ready || env.reason}`, () => {
  for (const c of cases) {
    it(`${describeOpts(c)}: mean and covariance match composed and float64`, async () => {
      const values = randomInput(c.shape, c.shape[1] * 7 + c.opts.kernel);
      const x = tf.tensor4d(values, c.shape);
      let count = 0;
      const fused = await checkedRun(() => {
        const s = patchCovariance(x, c.opts);
        count = s.count;
        return [s.mean, s.cov];
      });
      const composed = await checkedRun(() => {
        const s = patchCovarianceComposed(x, c.opts);
        return [s.mean, s.cov];
      });
      const ref = patchStats64(values, c.shape, c.opts);
      const errors = {
        meanVsComposed: maxRel(fused.values[0], composed.values[0]),
        covVsComposed: maxRel(fused.values[1], composed.values[1]),
        mean64: maxRel(fused.values[0], ref.mean),
        cov64: maxRel(fused.values[1], ref.cov),
        composedCov64: maxRel(composed.values[1], ref.cov),
      };
      console.log(
        `patch stats ${describeOpts(c)}: ${JSON.stringify(errors, (_, v: unknown) => (typeof v === 'number' ? Number(v.toExponential(2)) : v))}`,
      );
      expect(count).toBe(ref.count);
      expect(errors.mean64).toBeLessThan(1e-5);
      expect(errors.cov64).toBeLessThan(1e-4);
      expect(errors.covVsComposed).toBeLessThan(1e-4);
      tf.dispose([x, ...fused.out, ...composed.out]);
    });
  }

  it('input gradient matches composed autograd and float64 finite differences', async () => {
    const shape: Shape = [1, 5, 6, 2];
    const opts: PatchOptions = { kernel: 3, samplingStride: 2, padding: 'same' };
    const values = randomInput(shape, 5);
    const n = 3 * 3 * 2;
    const rng = seededRng(11);
    const gm = Float64Array.from({ length: n }, () => rng.uniform() - 0.5);
    const gc = Float64Array.from({ length: n * n }, () => rng.uniform() - 0.5);
    const loss = (fn: typeof patchCovariance) => (input: tf.Tensor) => {
      const s = fn(input as tf.Tensor4D, opts);
      return tf.add(
        tf.sum(tf.mul(s.mean, tf.tensor1d(Float32Array.from(gm)))),
        tf.sum(tf.mul(s.cov, tf.tensor2d(Float32Array.from(gc), [n, n]))),
      );
    };
    const x = tf.tensor4d(values, shape);
    const fused = await checkedRun(() => tf.grad(loss(patchCovariance))(x));
    const composed = await checkedRun(() => tf.grad(loss(patchCovarianceComposed))(x));
    const loss64 = (v: Float64Array) => {
      const s = patchStats64(v, shape, opts);
      let total = 0;
      s.mean.forEach((m, i) => (total += m * gm[i]));
      s.cov.forEach((c, i) => (total += c * gc[i]));
      return total;
    };
    const h = 1e-6;
    const fd = Float64Array.from(values, (_, i) => {
      const plus = Float64Array.from(values);
      const minus = Float64Array.from(values);
      plus[i] += h;
      minus[i] -= h;
      return (loss64(plus) - loss64(minus)) / (2 * h);
    });
    const vsComposed = maxRel(fused.values[0], composed.values[0]);
    const vsFd = maxRel(fused.values[0], fd);
    console.log(`patch stats gradient: vs composed ${vsComposed.toExponential(2)}, vs float64 FD ${vsFd.toExponential(2)}`);
    expect(vsComposed).toBeLessThan(1e-3);
    expect(vsFd).toBeLessThan(1e-3);
  });

  it('rejects a patch larger than the input with a clear message', () => {
    expect(() => patchCovariance(tf.zeros([1, 2, 2, 1]) as tf.Tensor4D, { kernel: 3, samplingStride: 1, padding: 'valid' })).toThrow(
      /smaller than/,
    );
  });
});
