// Conv2DBackpropFilter as a transposed Conv2D, on cpu and wasm, against the cpu backend's original
// kernel (float32) and float64 finite differences of L(W) = sum(conv2d(x, W) * g).
// Tolerance: max |difference| / max(1, max |reference|) <= 2e-6 (float32 sums of up to 180 products;
// measured <= 5e-7; the cpu original, which sums in float64, is within 7e-8 of the reference).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { conv2DBackpropFilterViaConv2D, filterGradGeometry } from './conv2dBackpropFilter';
import { originalKernel } from './install';
import { registerFastKernels } from './register';
import { scaledError, useCpu, useWasm } from './testing/backends';
import { C_OUT, EXPLICIT_PAD_CASE, randomSigned as random, TOLERANCE, X_SHAPE, type ConvCase } from './testing/convCases';
import { conv64, filterGradientByDifferences, type Conv64 } from './testing/conv64';

type Case = ConvCase;

const CASES: Case[] = [];
for (const stride of [1, 2])
  for (const pad of ['same', 'valid'] as const)
    for (const k of [1, 3, 5, 7]) CASES.push({ name: `k ${k}, stride ${stride}, ${pad}`, k, stride, pad });
CASES.push({ name: 'k 5, stride 2, numeric pad 2', k: 5, stride: 2, pad: 2 });
CASES.push(EXPLICIT_PAD_CASE);

function setup(c: Case) {
  const filterShape: [number, number, number, number] = [c.k, c.k, X_SHAPE[3], C_OUT];
  const info = tf.backend_util.computeConv2DInfo(X_SHAPE, filterShape, c.stride, 1, c.pad);
  const x = random(tf.util.sizeFromShape(X_SHAPE), 1);
  const dyShape = [X_SHAPE[0], info.outHeight, info.outWidth, C_OUT];
  const g = random(tf.util.sizeFromShape(dyShape), 2);
  const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape } as unknown as tf.NamedAttrMap;
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
  return { info, x, dyShape, g, attrs, filterShape, ref };
}

/** The registered Conv2DBackpropFilter of the active backend (ours once registered). */
async function registered(c: Case): Promise<Float32Array> {
  const s = setup(c);
  const x = tf.tensor4d(Float32Array.from(s.x), X_SHAPE);
  const dy = tf.tensor(Float32Array.from(s.g), s.dyShape);
  const before = tf.engine().backend.numDataIds();
  const out = tf.engine().runKernel<tf.Tensor>(tf.Conv2DBackpropFilter, { x, dy }, s.attrs);
  expect(tf.engine().backend.numDataIds(), 'only the output is left behind').toBe(before + 1);
  expect(out.shape).toEqual(s.filterShape);
  const values = (await out.data()) as Float32Array;
  tf.dispose([x, dy, out]);
  return values;
}

/** The cpu backend's own (scalar loop) kernel, called directly. */
async function cpuOriginal(c: Case): Promise<Float32Array> {
  await useCpu();
  const s = setup(c);
  const kernel = originalKernel(tf.Conv2DBackpropFilter, 'cpu');
  if (!kernel || kernel.kernelFunc === undefined) throw new Error('no cpu kernel');
  const x = tf.tensor4d(Float32Array.from(s.x), X_SHAPE);
  const dy = tf.tensor(Float32Array.from(s.g), s.dyShape);
  const info = kernel.kernelFunc({ inputs: { x, dy }, backend: tf.backend(), attrs: s.attrs }) as tf.TensorInfo;
  const out = tf.engine().makeTensorFromTensorInfo(info);
  const values = (await out.data()) as Float32Array;
  tf.dispose([x, dy, out]);
  return values;
}

describe('filterGradGeometry', () => {
  it('pads so the output is exactly k x k, and crops rows no output reads', () => {
    // 10 rows, k 3, stride 2, valid: outputs read rows 0..8 (4 * 2 + 3 = 11 > 10? no: (4-1)*2+3 = 9).
    const info = tf.backend_util.computeConv2DInfo([1, 10, 10, 1], [3, 3, 1, 1], 2, 1, 'valid');
    const g = filterGradGeometry(info);
    expect([info.outHeight, g.usedHeight, g.pad[1], g.dilations]).toEqual([4, 9, [0, 0], [2, 2]]);
    // Same, stride 2 on 9 rows: 5 outputs, pad top 1, bottom 1 (span (5-1)*2 + 3 = 11 = 1 + 9 + 1).
    const same = filterGradGeometry(tf.backend_util.computeConv2DInfo([1, 9, 9, 1], [3, 3, 1, 1], 2, 1, 'same'));
    expect([same.usedHeight, same.pad[1]]).toEqual([9, [1, 1]]);
  });
});

describe('Conv2DBackpropFilter as a transposed Conv2D', () => {
  afterAll(useCpu);

  it('rejects NCHW with a clear message', () => {
    const kernel = conv2DBackpropFilterViaConv2D('cpu');
    const x = tf.zeros([1, 1, 4, 4]);
    const dy = tf.zeros([1, 1, 4, 4]);
    expect(() =>
      kernel({
        inputs: { x, dy },
        backend: tf.backend(),
        attrs: { strides: 1, pad: 'same', dataFormat: 'NCHW', filterShape: [1, 1, 1, 1] },
      }),
    ).toThrow(/only NHWC/);
    tf.dispose([x, dy]);
  });

  for (const c of CASES) {
    it(`${c.name}: cpu and wasm match the cpu original and float64 finite differences`, async () => {
      const s = setup(c);
      const fd = filterGradientByDifferences(
        s.ref,
        random(
          s.filterShape.reduce((a, b) => a * b),
          3,
        ),
        s.g,
      );
      const original = await cpuOriginal(c);
      registerFastKernels('cpu');
      const cpu = await registered(c);
      await useWasm();
      const wasm = await registered(c);
      await useCpu();
      if (process.env.KERNEL_ERRORS)
        console.log(
          c.name,
          [scaledError(original, fd), scaledError(cpu, original), scaledError(cpu, fd), scaledError(wasm, fd)]
            .map((e) => e.toExponential(1))
            .join(' '),
        );
      expect(scaledError(original, fd), 'cpu original vs float64').toBeLessThan(TOLERANCE);
      expect(scaledError(cpu, original), 'ours (cpu) vs cpu original').toBeLessThan(TOLERANCE);
      expect(scaledError(cpu, fd), 'ours (cpu) vs float64').toBeLessThan(TOLERANCE);
      expect(scaledError(wasm, fd), 'ours (wasm) vs float64').toBeLessThan(TOLERANCE);
    });
  }

  it('tf.grad of a conv2d goes through it on wasm (stride 2, same, k 3)', async () => {
    const c = CASES.find((x) => x.k === 3 && x.stride === 2 && x.pad === 'same') as Case;
    const s = setup(c);
    const w0 = random(
      s.filterShape.reduce((a, b) => a * b),
      3,
    );
    const fd = filterGradientByDifferences(s.ref, w0, s.g);
    // The forward output of the reference is a sanity check of the float64 conv itself.
    const forward64 = conv64(s.ref, w0);
    await useWasm();
    const x = tf.tensor4d(Float32Array.from(s.x), X_SHAPE);
    const g = tf.tensor(Float32Array.from(s.g), s.dyShape);
    const w = tf.tensor4d(Float32Array.from(w0), s.filterShape);
    const forward = (await tf.conv2d(x, w, c.stride, 'same').data()) as Float32Array;
    const grad = tf.grad((wt: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(x, wt as tf.Tensor4D, c.stride, 'same'), g)))(w);
    const values = (await grad.data()) as Float32Array;
    tf.dispose([x, g, w, grad]);
    await useCpu();
    expect(scaledError(forward, forward64)).toBeLessThan(TOLERANCE);
    expect(scaledError(values, fd)).toBeLessThan(TOLERANCE);
  });
});
