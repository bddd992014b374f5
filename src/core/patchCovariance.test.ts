// Composed patch covariance (src/core/patchCovariance.ts) against a float64 explicit im2col.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradients by itself (bundlers resolve this ESM path; plain Node cannot, see src/cli/nodeBackend.ts).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { patchCovarianceComposed, type PatchOptions } from './patchCovariance';
import { relativeFrobeniusError } from './reference/matrix';
import { patchStats64 } from './reference/patches';
import { seededRng } from './reference/random';

type Shape = [number, number, number, number];

function randomInput(shape: Shape, seed: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.uniform());
}

async function composedStats(
  data: Float32Array,
  shape: Shape,
  opts: PatchOptions,
): Promise<{ mean: Float32Array; cov: Float32Array; count: number }> {
  const x = tf.tensor4d(data, shape);
  const stats = patchCovarianceComposed(x, opts);
  const result = { mean: (await stats.mean.data()) as Float32Array, cov: (await stats.cov.data()) as Float32Array, count: stats.count };
  tf.dispose([x, stats.mean, stats.cov]);
  return result;
}

describe('patchCovarianceComposed vs float64 im2col', () => {
  it('a hand-worked 1x3x3x1 input, k=2, valid, stride 1', async () => {
    // Patches (dy,dx order): [1,2,4,5], [2,3,5,6], [4,5,7,8], [5,6,8,9] -> mean [3,4,6,7].
    const { mean, cov, count } = await composedStats(Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9), [1, 3, 3, 1], {
      kernel: 2,
      samplingStride: 1,
      padding: 'valid',
    });
    expect(count).toBe(4);
    expect(Array.from(mean)).toEqual([3, 4, 6, 7]);
    // Deviations are (-2,-2,-2,-2), (-1,...), (1,...), (2,...) in every coordinate: variance (4+1+1+4)/4 = 2.5.
    for (const v of cov) expect(v).toBeCloseTo(2.5, 5);
  });

  const cases: Array<{ label: string; shape: Shape; opts: PatchOptions }> = [
    { label: 'valid, k=3, stride 1, 1 channel', shape: [1, 8, 7, 1], opts: { kernel: 3, samplingStride: 1, padding: 'valid' } },
    { label: 'same, k=3, stride 1, 3 channels, batch 2', shape: [2, 6, 6, 3], opts: { kernel: 3, samplingStride: 1, padding: 'same' } },
    { label: 'valid, k=5, stride 3, 2 channels, batch 2', shape: [2, 11, 10, 2], opts: { kernel: 5, samplingStride: 3, padding: 'valid' } },
    {
      label: 'same, k=3, dilation 2, stride 3, 3 channels',
      shape: [1, 12, 9, 3],
      opts: { kernel: 3, samplingStride: 3, padding: 'same', dilation: 2 },
    },
    {
      label: 'explicit pad 1, k=3, dilation 2, stride 1, batch 2',
      shape: [2, 7, 7, 2],
      opts: { kernel: 3, samplingStride: 1, padding: 1, dilation: 2 },
    },
    {
      label: 'same, k=3, stride 3 (disjoint tiles, rows cropped), batch 2',
      shape: [2, 8, 7, 3],
      opts: { kernel: 3, samplingStride: 3, padding: 'same' },
    },
    {
      label: 'valid, k=3, stride 3 (disjoint tiles, exact fit)',
      shape: [1, 9, 6, 2],
      opts: { kernel: 3, samplingStride: 3, padding: 'valid' },
    },
    { label: 'valid, k=2, stride 2 (disjoint tiles)', shape: [2, 7, 8, 2], opts: { kernel: 2, samplingStride: 2, padding: 'valid' } },
    { label: '1x1 patches, stride 3 (every 9th pixel)', shape: [1, 9, 9, 4], opts: { kernel: 1, samplingStride: 3, padding: 'valid' } },
  ];
  for (const { label, shape, opts } of cases) {
    it(`${label}: mean and covariance within relative 1e-5, same patch count`, async () => {
      const data = randomInput(shape, shape[1] * 31 + opts.kernel);
      const got = await composedStats(data, shape, opts);
      const want = patchStats64(data, shape, opts);
      expect(got.count).toBe(want.count);
      expect(relativeFrobeniusError(got.mean, want.mean)).toBeLessThan(1e-5);
      expect(relativeFrobeniusError(got.cov, want.cov)).toBeLessThan(1e-5);
    });
  }

  it('rejects an input smaller than the patch and bad kernel/stride values', () => {
    const x = tf.zeros([1, 2, 2, 1]) as tf.Tensor4D;
    expect(() => patchCovarianceComposed(x, { kernel: 3, samplingStride: 1, padding: 'valid' })).toThrow(/smaller than/);
    expect(() => patchCovarianceComposed(x, { kernel: 0, samplingStride: 1, padding: 'valid' })).toThrow(/kernel size/);
    expect(() => patchCovarianceComposed(x, { kernel: 1, samplingStride: 0, padding: 'valid' })).toThrow(/sampling stride/);
    x.dispose();
  });

  const gradientCases: Array<{ shape: Shape; opts: PatchOptions }> = [
    { shape: [2, 5, 4, 2], opts: { kernel: 3, samplingStride: 1, padding: 'same' } },
    { shape: [2, 8, 7, 2], opts: { kernel: 3, samplingStride: 3, padding: 'same', dilation: 2 } },
    { shape: [2, 8, 7, 2], opts: { kernel: 3, samplingStride: 3, padding: 'same' } },
  ];
  for (const { shape, opts } of gradientCases)
    it(`gradient of sum(cov * R) + sum(mean * r) wrt the input matches float64 central differences (relative 1e-4): stride ${opts.samplingStride}, dilation ${opts.dilation ?? 1}`, async () => {
      const data = randomInput(shape, 5);
      const n = 9 * shape[3];
      const rng = seededRng(6);
      const bigR = Float64Array.from({ length: n * n }, () => rng.normal());
      const smallR = Float64Array.from({ length: n }, () => rng.normal());
      const x = tf.tensor4d(data, shape);
      const rT = tf.tensor2d(Float32Array.from(bigR), [n, n]);
      const mT = tf.tensor1d(Float32Array.from(smallR));
      const grad = tf.grad((input: tf.Tensor) => {
        const stats = patchCovarianceComposed(input as tf.Tensor4D, opts);
        return tf.add(tf.sum(tf.mul(stats.cov, rT)), tf.sum(tf.mul(stats.mean, mT)));
      })(x);
      const analytic = await grad.data();
      tf.dispose([x, rT, mT, grad]);

      const loss = (values: Float64Array): number => {
        const s = patchStats64(values, shape, opts);
        return s.cov.reduce((acc, v, i) => acc + v * bigR[i], 0) + s.mean.reduce((acc, v, i) => acc + v * smallR[i], 0);
      };
      const base = Float64Array.from(data);
      const h = 1e-5;
      const fd = Float64Array.from({ length: base.length }, (_, i) => {
        const plus = Float64Array.from(base);
        const minus = Float64Array.from(base);
        plus[i] += h;
        minus[i] -= h;
        return (loss(plus) - loss(minus)) / (2 * h);
      });
      expect(relativeFrobeniusError(analytic, fd)).toBeLessThan(1e-4);
    });
});
