// Conv2DBackpropInput as one Conv2D over a spread dy, on wasm, against the wasm backend's original
// kernel and float64 finite differences of L(x) = sum(conv2d(x, W) * g).
// Tolerance: max |difference| / max(1, max |reference|) <= 2e-6 (float32 sums of at most 7·7·4
// products, as for Conv2DBackpropFilter).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2DBackpropInputViaConv2D, spreadGeometry, spreadIntoGrid } from './conv2dBackpropInput';
import { originalKernel } from './install';
import { scaledError, useCpu, useWasm } from './testing/backends';
import { C_OUT, EXPLICIT_PAD_CASE, randomSigned as random, TOLERANCE, X_SHAPE, type ConvCase } from './testing/convCases';
import { inputGradientByDifferences, type Conv64 } from './testing/conv64';

type Case = ConvCase;

const CASES: Case[] = [];
for (const stride of [1, 2, 3])
  for (const pad of ['same', 'valid'] as const)
    for (const k of [1, 3, 5]) CASES.push({ name: `k ${k}, stride ${stride}, ${pad}`, k, stride, pad });
CASES.push({ name: 'k 7, stride 1, same', k: 7, stride: 1, pad: 'same' });
CASES.push({ name: 'k 3, stride 1, numeric pad 4 (wider than the filter)', k: 3, stride: 1, pad: 4 });
CASES.push(EXPLICIT_PAD_CASE);

function setup(c: Case) {
  const filterShape: [number, number, number, number] = [c.k, c.k, X_SHAPE[3], C_OUT];
  const info = tf.backend_util.computeConv2DInfo(X_SHAPE, filterShape, c.stride, 1, c.pad);
  const x = random(tf.util.sizeFromShape(X_SHAPE), 1);
  const w = random(tf.util.sizeFromShape(filterShape), 3);
  const dyShape = [X_SHAPE[0], info.outHeight, info.outWidth, C_OUT];
  const g = random(tf.util.sizeFromShape(dyShape), 2);
  const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: X_SHAPE } as unknown as tf.NamedAttrMap;
  const ref: Conv64 = {
    x,
    xShape: X_SHAPE,
    k: c.k,
    cOut: C_OUT,
    stride: c.stride,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
  };
  return { w, dyShape, g, attrs, filterShape, ref };
}

/** Runs `kernel` (ours or the original) on the wasm backend; checks it leaves only its output behind. */
async function run(c: Case, kernel: tf.KernelFunc): Promise<Float32Array> {
  const s = setup(c);
  const dy = tf.tensor(Float32Array.from(s.g), s.dyShape);
  const filter = tf.tensor4d(Float32Array.from(s.w), s.filterShape);
  const before = tf.engine().backend.numDataIds();
  const info = kernel({ inputs: { dy, filter }, backend: tf.backend(), attrs: s.attrs }) as tf.TensorInfo;
  expect(tf.engine().backend.numDataIds(), 'only the output is left behind').toBe(before + 1);
  const out = tf.engine().makeTensorFromTensorInfo(info);
  expect(out.shape).toEqual(X_SHAPE);
  const values = (await out.data()) as Float32Array;
  tf.dispose([dy, filter, out]);
  return values;
}

describe('spreadIntoGrid', () => {
  it('puts dy at stride steps after the offset and drops rows that land before the grid', () => {
    // 1 image, 3x1 dy, 1 channel, grid 4x1; offset -1, stride 2: row 0 -> -1 (dropped), row 1 -> 1, row 2 -> 3.
    const g = { gridHeight: 4, gridWidth: 1, rowOffset: -1, colOffset: 0, strideHeight: 2, strideWidth: 1 };
    expect(Array.from(spreadIntoGrid(Float32Array.from([5, 6, 7]), [1, 3, 1, 1], g))).toEqual([0, 6, 0, 7]);
  });

  it('geometry of a 3x3 same convolution, stride 1: one row of zeros each side', () => {
    const info = tf.backend_util.computeConv2DInfo([1, 5, 6, 2], [3, 3, 2, 4], 1, 1, 'same');
    expect(spreadGeometry(info)).toEqual({ gridHeight: 7, gridWidth: 8, rowOffset: 1, colOffset: 1, strideHeight: 1, strideWidth: 1 });
  });
});

describe('Conv2DBackpropInput as one Conv2D (wasm)', () => {
  afterAll(useCpu);

  it('rejects NCHW and a dy of the wrong shape with clear messages', async () => {
    await useWasm();
    const kernel = conv2DBackpropInputViaConv2D('wasm');
    const dy = tf.zeros([1, 4, 4, 1]);
    const filter = tf.zeros([3, 3, 1, 1]);
    const call = (attrs: Record<string, unknown>) => () =>
      kernel({ inputs: { dy, filter }, backend: tf.backend(), attrs: attrs as tf.NamedAttrMap });
    expect(call({ strides: 1, pad: 'same', dataFormat: 'NCHW', inputShape: [1, 1, 4, 4] })).toThrow(/only NHWC/);
    expect(call({ strides: 1, pad: 'same', dataFormat: 'NHWC', inputShape: [1, 6, 6, 1] })).toThrow(/dy is 1x4x4x1.*6x6x1/);
    tf.dispose([dy, filter]);
  });

  for (const c of CASES) {
    it(`${c.name}: matches float64 finite differences and the wasm original`, async () => {
      const s = setup(c);
      const fd = inputGradientByDifferences(s.ref, s.w, s.g);
      await useWasm();
      const ours = await run(c, conv2DBackpropInputViaConv2D('wasm'));
      const own = originalKernel(tf.Conv2DBackpropInput, 'wasm');
      if (!own) throw new Error('the wasm backend has no Conv2DBackpropInput');
      const original = await run(c, own.kernelFunc);
      expect(scaledError(ours, fd), 'ours vs float64').toBeLessThan(TOLERANCE);
      expect(scaledError(original, fd), 'wasm original vs float64').toBeLessThan(TOLERANCE);
    });
  }

  it('tf.grad of a conv2d with respect to its input goes through it (stride 2, same, k 3)', async () => {
    const c = CASES.find((x) => x.k === 3 && x.stride === 2 && x.pad === 'same') as Case;
    const s = setup(c);
    const fd = inputGradientByDifferences(s.ref, s.w, s.g);
    await useWasm();
    const x = tf.tensor4d(Float32Array.from(s.ref.x), X_SHAPE);
    const g = tf.tensor(Float32Array.from(s.g), s.dyShape);
    const w = tf.tensor4d(Float32Array.from(s.w), s.filterShape);
    const grad = tf.grad((xt: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(xt as tf.Tensor4D, w, c.stride, 'same'), g)))(x);
    const values = (await grad.data()) as Float32Array;
    tf.dispose([x, g, w, grad]);
    expect(scaledError(values, fd)).toBeLessThan(TOLERANCE);
  });
});
