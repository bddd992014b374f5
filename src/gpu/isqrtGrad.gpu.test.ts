// Gradient of the fused inverse square root (reverse mode through the unrolled iteration, on the
// GPU) against tf.grad of the composed path and against float64 finite differences of the same
// truncated float64 iteration. L = <isqrt, G1> + <sqrt, G2> exercises both outputs.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { batchedIsqrt } from '../core/ops';
import { newtonSchulzComposed } from '../core/newtonSchulz';
import { newtonSchulz64 } from '../core/reference/matrixFunctions';
import { checkedRun, startGpuForTests } from './testing/gpuTestEnv';
import { matrixAt, maxRelativeError, randomCotangent, spdBatch, stack } from './testing/matrices';

const env = await startGpuForTests();
const FULL = process.env.GPU_TESTS_FULL === '1';

interface Case {
  n: number;
  batch: number;
  iters: number;
  maxCondition: number;
  /** Matrices of the batch checked by float64 finite differences (n^2 pairs of NS64 runs each). */
  fdMatrices: number;
}
const cases: Case[] = [
  { n: 9, batch: 16, iters: 15, maxCondition: 1e4, fdMatrices: 3 },
  { n: 27, batch: 1, iters: 5, maxCondition: 1e3, fdMatrices: 1 },
  { n: 75, batch: 1, iters: 5, maxCondition: 1e4, fdMatrices: 0 },
  ...(FULL
    ? [
        { n: 144, batch: 2, iters: 15, maxCondition: 1e4, fdMatrices: 0 },
        { n: 576, batch: 1, iters: 5, maxCondition: 1e4, fdMatrices: 0 },
      ]
    : []),
];

function finiteDifferences(a: Float64Array, n: number, iters: number, g1: Float64Array, g2: Float64Array): Float64Array {
  const loss = (m: Float64Array) => {
    const r = newtonSchulz64(m, n, iters);
    let total = 0;
    for (let i = 0; i < n * n; i += 1) total += r.isqrt[i] * g1[i] + r.sqrt[i] * g2[i];
    return total;
  };
  const h = 1e-6;
  return Float64Array.from(a, (_, i) => {
    const plus = Float64Array.from(a);
    const minus = Float64Array.from(a);
    plus[i] += h;
    minus[i] -= h;
    return (loss(plus) - loss(minus)) / (2 * h);
  });
}

describe.skipIf(!env.ready)(env.ready ? `fused isqrt gradient on ${env.adapter}` : `SKIPPED: ${env.ready || env.reason}`, () => {
  for (const c of cases) {
    const title = `n=${c.n} batch=${c.batch} K=${c.iters}, conditions up to ${c.maxCondition.toExponential(0)} + eps`;
    it(`${title}: matches composed autograd (1e-3)${c.fdMatrices > 0 ? ' and float64 finite differences (1e-3)' : ''}`, async () => {
      const mats = spdBatch(c.batch, c.n, c.maxCondition, 77 + c.n);
      const input = stack(mats, c.n);
      const g1 = randomCotangent(c.batch, c.n, 1);
      const g2 = randomCotangent(c.batch, c.n, 2);
      const w1 = tf.tensor3d(g1, [c.batch, c.n, c.n]);
      const w2 = tf.tensor3d(g2, [c.batch, c.n, c.n]);
      const loss = (fn: typeof batchedIsqrt) => (x: tf.Tensor) => {
        const r = fn(x as tf.Tensor3D, c.iters);
        return tf.add(tf.sum(tf.mul(r.isqrt, w1)), tf.sum(tf.mul(r.sqrt, w2)));
      };
      const fused = await checkedRun(() => tf.grad(loss(batchedIsqrt))(input));
      const composed = await checkedRun(() => tf.grad(loss(newtonSchulzComposed))(input));
      const vsComposed = maxRelativeError(fused.values[0], composed.values[0], c.batch, c.n);
      let line = `gradient ${title}: fused vs composed ${vsComposed.toExponential(2)}`;
      let fdFused = 0;
      let fdComposed = 0;
      for (let b = 0; b < c.fdMatrices; b += 1) {
        const fd = finiteDifferences(mats[b], c.n, c.iters, matrixAt(g1, b, c.n), matrixAt(g2, b, c.n));
        fdFused = Math.max(fdFused, maxRelativeError(matrixAt(fused.values[0], b, c.n), fd, 1, c.n));
        fdComposed = Math.max(fdComposed, maxRelativeError(matrixAt(composed.values[0], b, c.n), fd, 1, c.n));
      }
      if (c.fdMatrices > 0) line += `, vs float64 FD: fused ${fdFused.toExponential(2)} composed ${fdComposed.toExponential(2)}`;
      console.log(line);
      expect(vsComposed).toBeLessThan(1e-3);
      expect(fdFused).toBeLessThan(1e-3);
      tf.dispose([input, w1, w2, fused.out, composed.out]);
    });
  }
});
