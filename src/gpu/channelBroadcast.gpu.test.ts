// Add / Sub / Multiply with a per-channel vector (WGSL, Node Dawn) against float64 arithmetic,
// through the tf ops with our kernels installed as the app installs them.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../core/reference/random';
import { registerFastKernels } from '../kernels/register';
import { checkedRun, startGpuForTests } from './testing/gpuTestEnv';

const env = await startGpuForTests();

const OPS = {
  add: { tf: tf.add, f64: (x: number, y: number) => x + y },
  sub: { tf: tf.sub, f64: (x: number, y: number) => x - y },
  mul: { tf: tf.mul, f64: (x: number, y: number) => x * y },
} as const;

function values(length: number, seed: number): Float32Array {
  const rng = seededRng(seed);
  return Float32Array.from({ length }, () => rng.normal());
}

/** Float64 `a op b` with numpy broadcasting of two shapes of equal rank (a size-1 axis repeats). */
function broadcast64(
  op: (x: number, y: number) => number,
  a: Float32Array,
  aShape: number[],
  b: Float32Array,
  bShape: number[],
): Float64Array {
  const rank = Math.max(aShape.length, bShape.length);
  const pad = (s: number[]) => [...Array<number>(rank - s.length).fill(1), ...s];
  const [as, bs] = [pad(aShape), pad(bShape)];
  const out = as.map((d, i) => Math.max(d, bs[i]));
  const size = out.reduce((x, y) => x * y, 1);
  const index = (coords: number[], shape: number[]) => coords.reduce((acc, c, i) => acc * shape[i] + (shape[i] === 1 ? 0 : c), 0);
  return Float64Array.from({ length: size }, (_, flat) => {
    const coords: number[] = [];
    for (let i = rank - 1, r = flat; i >= 0; i -= 1) {
      coords[i] = r % out[i];
      r = Math.floor(r / out[i]);
    }
    return op(a[index(coords, as)], b[index(coords, bs)]);
  });
}

const SHAPES: [number[], number[]][] = [
  [[4, 5, 6, 16], [16]], // a bias over NHWC activations
  [[16], [3, 7, 16]], // the vector first (Sub's order matters)
  [
    [2, 3, 3, 8],
    [1, 1, 1, 8],
  ],
  [[9, 7], [7]],
  [
    [4, 1],
    [1, 5],
  ], // not a channel vector: tfjs's own kernel
  [
    [3, 4],
    [3, 4],
  ], // same shape: tfjs's own kernel
];

describe.skipIf(!env.ready)(env.ready ? `per-channel add, sub, mul on ${env.adapter}` : `SKIPPED: ${env.ready || env.reason}`, () => {
  for (const [name, op] of Object.entries(OPS)) {
    for (const [aShape, bShape] of SHAPES) {
      it(`${name} [${aShape.join(',')}] with [${bShape.join(',')}] matches float64`, async () => {
        registerFastKernels('webgpu');
        const av = values(
          aShape.reduce((x, y) => x * y, 1),
          aShape.length * 13 + 1,
        );
        const bv = values(
          bShape.reduce((x, y) => x * y, 1),
          bShape.length * 17 + 2,
        );
        const a = tf.tensor(av, aShape);
        const b = tf.tensor(bv, bShape);
        const { out, values: got } = await checkedRun(() => op.tf(a, b));
        const ref = broadcast64(op.f64, av, aShape, bv, bShape);
        expect(got[0].length).toBe(ref.length);
        let worst = 0;
        for (let i = 0; i < ref.length; i += 1) worst = Math.max(worst, Math.abs(got[0][i] - ref[i]) / (1 + Math.abs(ref[i])));
        expect(worst).toBeLessThan(1e-6); // one float32 rounding
        tf.dispose([a, b, out]);
      });
    }
  }

  it('the gradient of sum(g * (x * v)) with respect to the vector v is sum over pixels of g * x', async () => {
    registerFastKernels('webgpu');
    const shape = [2, 3, 4, 5];
    const xv = values(120, 3);
    const gv = values(120, 4);
    const x = tf.tensor(xv, shape);
    const g = tf.tensor(gv, shape);
    const v = tf.tensor1d(values(5, 5));
    const { values: got } = await checkedRun(() => tf.grad((vec: tf.Tensor) => tf.sum(tf.mul(g, tf.mul(x, vec))))(v));
    const ref = new Float64Array(5);
    for (let i = 0; i < 120; i += 1) ref[i % 5] += gv[i] * xv[i];
    for (let c = 0; c < 5; c += 1) expect(Math.abs(got[0][c] - ref[c])).toBeLessThan(1e-4 * (1 + Math.abs(ref[c])));
    tf.dispose([x, g, v]);
  });
});
