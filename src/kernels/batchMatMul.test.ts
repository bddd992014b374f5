// Our wasm BatchMatMul against the cpu backend's BatchMatMul (float32) and a float64 product, for
// plain, transposed, batched and broadcast shapes. Tolerance: max |difference| / max(1, max |reference|)
// <= 1e-5 (inner sizes up to 150). Also: every call it makes to the original kernel is one the original
// runs on XNNPACK (batch 1, no transposes), and it leaves no intermediate tensor behind.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../nn/random';
import { broadcastBatchIndex, fastBatchMatMul } from './batchMatMul';
import { originalKernel } from './install';
import { on, scaledError, useCpu, useWasm } from './testing/backends';

const TOLERANCE = 1e-5;

function random(shape: number[], seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: tf.util.sizeFromShape(shape) }, () => rng() * 2 - 1);
}

/** Float64 product with TensorFlow's broadcasting of the outer dims, written out by coordinates. */
function matmul64(a: Float32Array, aShape: number[], b: Float32Array, bShape: number[], ta: boolean, tb: boolean): Float64Array {
  const ra = aShape.length;
  const rb = bShape.length;
  const [ar, ac] = aShape.slice(-2);
  const [br, bc] = bShape.slice(-2);
  const m = ta ? ac : ar;
  const k = ta ? ar : ac;
  const n = tb ? br : bc;
  const rank = Math.max(ra, rb) - 2;
  const pad = (s: number[]) => [...Array(rank - (s.length - 2)).fill(1), ...s.slice(0, -2)];
  const oa = pad(aShape);
  const ob = pad(bShape);
  const outer = oa.map((d, i) => Math.max(d, ob[i]));
  const batch = outer.reduce((x, y) => x * y, 1);
  const out = new Float64Array(batch * m * n);
  for (let i = 0; i < batch; i += 1) {
    let rest = i;
    const coords = outer.map(() => 0);
    for (let d = rank - 1; d >= 0; d -= 1) {
      coords[d] = rest % outer[d];
      rest = Math.floor(rest / outer[d]);
    }
    const flat = (dims: number[]) => coords.reduce((acc, c, d) => acc * dims[d] + (dims[d] === 1 ? 0 : c), 0);
    const a0 = flat(oa) * ar * ac;
    const b0 = flat(ob) * br * bc;
    for (let r = 0; r < m; r += 1)
      for (let c = 0; c < n; c += 1) {
        let sum = 0;
        for (let p = 0; p < k; p += 1) sum += a[a0 + (ta ? p * ac + r : r * ac + p)] * b[b0 + (tb ? c * bc + p : p * bc + c)];
        out[(i * m + r) * n + c] = sum;
      }
  }
  return out;
}

// `cpu: false`: tfjs's cpu (and wasm) BatchMatMul take max(batchA, batchB) batches, so broadcasting
// two multi-dim batches ([2,1] with [1,3]) gives 3 products instead of 6: only float64 is the reference
// (ours computes all 6, whatever the size).
const SHAPES: { name: string; a: number[]; b: number[]; cpu?: false }[] = [
  { name: '2-D', a: [20, 30], b: [30, 25] },
  { name: 'batched', a: [3, 20, 30], b: [3, 30, 25] },
  { name: 'A batched, B shared (rank 2)', a: [3, 20, 30], b: [30, 25] },
  { name: 'A batched, B batch 1', a: [3, 20, 30], b: [1, 30, 25] },
  { name: 'A shared, B batched', a: [20, 30], b: [3, 30, 25] },
  { name: 'both broadcast [2,1] x [1,3]', a: [2, 1, 20, 30], b: [1, 3, 30, 25], cpu: false },
];

function operandShape(shape: number[], transposed: boolean): number[] {
  return transposed ? [...shape.slice(0, -2), shape[shape.length - 1], shape[shape.length - 2]] : shape;
}

describe('broadcastBatchIndex', () => {
  it('maps output batches to operand batches, right-aligned, size-1 dims broadcast', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => broadcastBatchIndex(i, [2, 3], [2, 1]))).toEqual([0, 0, 0, 1, 1, 1]);
    expect([0, 1, 2, 3, 4, 5].map((i) => broadcastBatchIndex(i, [2, 3], [1, 3]))).toEqual([0, 1, 2, 0, 1, 2]);
    expect([0, 1, 2, 3, 4, 5].map((i) => broadcastBatchIndex(i, [2, 3], [3]))).toEqual([0, 1, 2, 0, 1, 2]);
    expect([0, 1, 2].map((i) => broadcastBatchIndex(i, [3], []))).toEqual([0, 0, 0]);
  });
});

describe('BatchMatMul on wasm through XNNPACK', () => {
  afterAll(useCpu);

  for (const shape of SHAPES) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ] as const) {
      it(`${shape.name}, transposeA ${ta}, transposeB ${tb}: matches cpu and float64; the original only sees XNNPACK calls`, async () => {
        const aShape = operandShape(shape.a, ta);
        const bShape = operandShape(shape.b, tb);
        const a = random(aShape, 1);
        const b = random(bShape, 2);
        const cpu = await on('cpu', () => tf.matMul(tf.tensor(a, aShape), tf.tensor(b, bShape), ta, tb));
        await useWasm();
        const original = originalKernel(tf.BatchMatMul, 'wasm');
        if (!original) throw new Error('no wasm BatchMatMul');
        const calls: { batchA: number; batchB: number; ta: boolean; tb: boolean }[] = [];
        const counting: tf.KernelFunc = (args) => {
          const { a: x, b: y } = args.inputs as { a: tf.TensorInfo; b: tf.TensorInfo };
          const attrs = args.attrs as unknown as tf.BatchMatMulAttrs;
          calls.push({
            batchA: tf.util.sizeFromShape(x.shape.slice(0, -2)),
            batchB: tf.util.sizeFromShape(y.shape.slice(0, -2)),
            ta: attrs.transposeA,
            tb: attrs.transposeB,
          });
          return original.kernelFunc(args);
        };
        const kernel = fastBatchMatMul(counting, 'wasm', 0, 0);
        const at = tf.tensor(a, aShape);
        const bt = tf.tensor(b, bShape);
        const before = tf.engine().backend.numDataIds();
        const info = kernel({
          inputs: { a: at, b: bt },
          backend: tf.backend(),
          attrs: { transposeA: ta, transposeB: tb },
        }) as tf.TensorInfo;
        expect(tf.engine().backend.numDataIds(), 'only the output is left behind').toBe(before + 1);
        const out = tf.engine().makeTensorFromTensorInfo(info);
        const wasm = (await out.data()) as Float32Array;
        const registered = (await tf.matMul(at, bt, ta, tb).data()) as Float32Array;
        tf.dispose([at, bt, out]);
        const ref = matmul64(a, aShape, b, bShape, ta, tb);
        expect(out.shape).toEqual(
          tf.broadcast_util
            .assertAndGetBroadcastShape(shape.a.slice(0, -2), shape.b.slice(0, -2))
            .concat([shape.a[shape.a.length - 2], shape.b[shape.b.length - 1]]),
        );
        expect(calls.length).toBeGreaterThan(0);
        expect(
          calls.every((c) => c.batchA === 1 && c.batchB === 1 && !c.ta && !c.tb),
          JSON.stringify(calls),
        ).toBe(true);
        expect(scaledError(wasm, ref), 'ours vs float64').toBeLessThan(TOLERANCE);
        if (shape.cpu !== false) {
          expect(scaledError(cpu, ref), 'cpu vs float64').toBeLessThan(TOLERANCE);
          expect(scaledError(wasm, cpu), 'ours vs cpu').toBeLessThan(TOLERANCE);
        }
        expect(scaledError(registered, ref), 'registered kernel (default thresholds) vs float64').toBeLessThan(TOLERANCE);
      });
    }
  }

  it('the registered kernel on training-sized shapes (above the thresholds) matches cpu', async () => {
    const cases = [
      { a: [128, 150], b: [128, 144], ta: true, tb: false },
      { a: [4, 64, 64], b: [4, 64, 64], ta: false, tb: true },
      { a: [6, 40, 72], b: [72, 72], ta: false, tb: false },
    ];
    for (const c of cases) {
      const a = random(c.a, 3);
      const b = random(c.b, 4);
      const f = () => tf.matMul(tf.tensor(a, c.a), tf.tensor(b, c.b), c.ta, c.tb);
      const cpu = await on('cpu', f);
      const wasm = await on('wasm', f);
      expect(scaledError(wasm, matmul64(a, c.a, b, c.b, c.ta, c.tb))).toBeLessThan(TOLERANCE);
      expect(scaledError(wasm, cpu)).toBeLessThan(TOLERANCE);
    }
  });
});
