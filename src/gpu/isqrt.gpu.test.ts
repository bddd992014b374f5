// Fused batched inverse square root (WGSL, Node Dawn) against the composed tf-op path on the same
// backend and against the float64 Newton–Schulz of the same truncated iteration.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { activeImplementation, batchedIsqrt } from '../core/ops';
import { newtonSchulzComposed } from '../core/newtonSchulz';
import { newtonSchulz64 } from '../core/reference/matrixFunctions';
import { checkedRun, startGpuForTests } from './testing/gpuTestEnv';
import { maxRelativeError, spdBatch, stack } from './testing/matrices';

const env = await startGpuForTests();
const MAX_CONDITION = 1e6;
// Allowed excess of the fused error over the composed float32 error (both against float64).
const EXCESS = 1e-4;

interface Case {
  n: number;
  batch: number;
  iters: number;
  /** How many matrices of the batch get the (slow, JS) float64 reference. */
  checked64: number;
}
// SwiftShader on a shared 2-core machine needs minutes for one 576 x 576 forward pass, so the
// default run covers every n below 576 and every batch/K at the small sizes; GPU_TESTS_FULL=1 runs
// the whole grid n in {9, 27, 36, 75, 144, 576} x batch {1, 16} x K {5, 15}.
const FULL = process.env.GPU_TESTS_FULL === '1';
const cases: Case[] = FULL
  ? [9, 27, 36, 75, 144, 576].flatMap((n) =>
      [5, 15].flatMap((iters) => [
        { n, batch: 1, iters, checked64: 1 },
        { n, batch: 16, iters, checked64: n <= 36 ? 16 : 2 },
      ]),
    )
  : [
      { n: 9, batch: 16, iters: 5, checked64: 16 },
      { n: 9, batch: 1, iters: 15, checked64: 1 },
      { n: 27, batch: 16, iters: 15, checked64: 16 },
      { n: 36, batch: 16, iters: 5, checked64: 16 },
      { n: 75, batch: 1, iters: 15, checked64: 1 },
      { n: 144, batch: 1, iters: 5, checked64: 1 },
    ];

describe.skipIf(!env.ready)(env.ready ? `fused isqrt on ${env.adapter}` : `SKIPPED: ${env.ready || env.reason}`, () => {
  it('is the implementation ops.ts dispatches to on webgpu', () => {
    expect(tf.getBackend()).toBe('webgpu');
    expect(activeImplementation()).toBe('fused-wgsl');
  });

  for (const c of cases) {
    const title = `n=${c.n} batch=${c.batch} K=${c.iters}, conditions up to 1e6 + eps`;
    it(`${title}: matches composed float32 and float64 NS`, async () => {
      const mats = spdBatch(c.batch, c.n, MAX_CONDITION, 1000 + c.n + c.batch);
      const input = stack(mats, c.n);
      const fused = await checkedRun(() => {
        const r = batchedIsqrt(input, c.iters);
        return [r.isqrt, r.sqrt];
      });
      const composed = await checkedRun(() => {
        const r = newtonSchulzComposed(input, c.iters);
        return [r.isqrt, r.sqrt];
      });
      const [fIsqrt, fSqrt] = fused.values;
      const [cIsqrt, cSqrt] = composed.values;
      const vsComposed = Math.max(maxRelativeError(fIsqrt, cIsqrt, c.batch, c.n), maxRelativeError(fSqrt, cSqrt, c.batch, c.n));
      let line = `${title}: fused vs composed ${vsComposed.toExponential(2)}`;
      expect(vsComposed).toBeLessThan(1e-3);
      if (c.checked64 > 0) {
        const ref = mats.slice(0, c.checked64).map((m) => newtonSchulz64(m, c.n, c.iters));
        const flat = (pick: (r: (typeof ref)[number]) => Float64Array) => {
          const out = new Float64Array(c.checked64 * c.n * c.n);
          ref.forEach((r, b) => out.set(pick(r), b * c.n * c.n));
          return out;
        };
        const refIsqrt = flat((r) => r.isqrt);
        const refSqrt = flat((r) => r.sqrt);
        const fused64 = Math.max(maxRelativeError(fIsqrt, refIsqrt, c.checked64, c.n), maxRelativeError(fSqrt, refSqrt, c.checked64, c.n));
        const composed64 = Math.max(
          maxRelativeError(cIsqrt, refIsqrt, c.checked64, c.n),
          maxRelativeError(cSqrt, refSqrt, c.checked64, c.n),
        );
        line += `, vs float64: fused ${fused64.toExponential(2)} composed ${composed64.toExponential(2)}`;
        expect(fused64).toBeLessThan(composed64 + EXCESS);
      }
      console.log(line);
      tf.dispose([input, ...fused.out, ...composed.out]);
    });
  }

  it('rejects non-square input with a clear message', () => {
    expect(() => batchedIsqrt(tf.zeros([1, 3, 4]) as tf.Tensor3D, 5)).toThrow(/\[batch, n, n\]/);
  });
});
