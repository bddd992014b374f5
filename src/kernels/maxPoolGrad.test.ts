// MaxPoolGrad in one pass over the windows (wasm), against float64 central differences of a max pool written
// here (distinct inputs, where the gradient is defined) and against tfjs's wasm kernel on inputs full of ties,
// where only the tie rule decides: the same positions must receive the gradient, exactly. (tfjs's cpu kernel
// breaks ties the other way, first maximum instead of last: the test shows it, so a change of rule is seen.)
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../nn/random';
import { originalKernel } from './install';
import { maxPoolGradOnHost } from './maxPoolGrad';
import { scaledError, useCpu, useWasm } from './testing/backends';

const X_SHAPE: [number, number, number, number] = [2, 7, 6, 3];

interface Case {
  name: string;
  filter: number;
  stride: number;
  pad: 'same' | 'valid';
}

const CASES: Case[] = [
  { name: '2x2, stride 2, valid (the models)', filter: 2, stride: 2, pad: 'valid' },
  { name: '3x3, stride 1, same (overlapping windows)', filter: 3, stride: 1, pad: 'same' },
  { name: '3x3, stride 2, same', filter: 3, stride: 2, pad: 'same' },
  { name: '2x2, stride 1, valid', filter: 2, stride: 1, pad: 'valid' },
];

function info(c: Case): tf.backend_util.Conv2DInfo {
  return tf.backend_util.computePool2DInfo(X_SHAPE, c.filter, c.stride, 1, c.pad);
}

/** Max pool in float64 with plain loops (NHWC). */
function maxPool64(x: Float64Array, g: tf.backend_util.Conv2DInfo): Float64Array {
  const [batch, height, width, channels] = X_SHAPE;
  const y = new Float64Array(batch * g.outHeight * g.outWidth * channels).fill(-Infinity);
  for (let b = 0; b < batch; b += 1)
    for (let oh = 0; oh < g.outHeight; oh += 1)
      for (let ow = 0; ow < g.outWidth; ow += 1)
        for (let c = 0; c < channels; c += 1)
          for (let r = oh * g.strideHeight - g.padInfo.top, i = 0; i < g.filterHeight; i += 1, r += 1)
            for (let col = ow * g.strideWidth - g.padInfo.left, j = 0; j < g.filterWidth; j += 1, col += 1) {
              if (r < 0 || r >= height || col < 0 || col >= width) continue;
              const out = ((b * g.outHeight + oh) * g.outWidth + ow) * channels + c;
              y[out] = Math.max(y[out], x[((b * height + r) * width + col) * channels + c]);
            }
  return y;
}

function values(count: number, seed: number, ties: boolean): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count }, () => (ties ? Math.floor(rng() * 3) : rng() * 2 - 1));
}

/** Runs `kernel` on the active backend with x and dy; only its output may be left behind. */
async function run(kernel: tf.KernelFunc, c: Case, x: Float64Array, dy: Float64Array): Promise<Float32Array> {
  const g = info(c);
  const xt = tf.tensor4d(Float32Array.from(x), X_SHAPE);
  const dyt = tf.tensor4d(Float32Array.from(dy), g.outShape);
  const output = tf.maxPool(xt, c.filter, c.stride, c.pad);
  const before = tf.engine().backend.numDataIds();
  const attrs = { filterSize: c.filter, strides: c.stride, pad: c.pad } as unknown as tf.NamedAttrMap;
  const out = kernel({ inputs: { dy: dyt, input: xt, output }, backend: tf.backend(), attrs }) as tf.TensorInfo;
  expect(tf.engine().backend.numDataIds(), 'only the output is left behind').toBe(before + 1);
  const result = tf.engine().makeTensorFromTensorInfo(out);
  const data = (await result.data()) as Float32Array;
  tf.dispose([xt, dyt, output, result]);
  return data;
}

describe('MaxPoolGrad in one pass over the windows', () => {
  afterAll(useCpu);

  for (const c of CASES) {
    it(`${c.name}: distinct inputs match float64 central differences (relative 1e-6)`, async () => {
      const g = info(c);
      const x = values(tf.util.sizeFromShape(X_SHAPE), 1, false);
      const dy = values(tf.util.sizeFromShape(g.outShape), 2, false);
      const loss = (v: Float64Array) => maxPool64(v, g).reduce((s, y, i) => s + y * dy[i], 0);
      const h = 1e-7; // below half the smallest gap between inputs of a window, so no maximum changes place
      const fd = Float64Array.from(x, (_, i) => {
        const plus = Float64Array.from(x);
        const minus = Float64Array.from(x);
        plus[i] += h;
        minus[i] -= h;
        return (loss(plus) - loss(minus)) / (2 * h);
      });
      await useWasm();
      expect(scaledError(await run(maxPoolGradOnHost('wasm'), c, x, dy), fd)).toBeLessThan(1e-6);
    });

    it(`${c.name}: with ties, exactly what tfjs's wasm kernel gives`, async () => {
      const g = info(c);
      const x = values(tf.util.sizeFromShape(X_SHAPE), 3, true);
      const dy = values(tf.util.sizeFromShape(g.outShape), 4, false);
      await useCpu();
      const cpu = await run((originalKernel(tf.MaxPoolGrad, 'cpu') as tf.KernelConfig).kernelFunc, c, x, dy);
      await useWasm();
      const wasm = await run((originalKernel(tf.MaxPoolGrad, 'wasm') as tf.KernelConfig).kernelFunc, c, x, dy);
      const ours = await run(maxPoolGradOnHost('wasm'), c, x, dy);
      expect(Array.from(ours)).toEqual(Array.from(wasm));
      if (c.filter === 2 && c.stride === 2) expect(Array.from(ours)).not.toEqual(Array.from(cpu));
    });
  }

  it('tf.grad of a max pool goes through it on wasm', async () => {
    await useWasm();
    const x = tf.tensor4d([1, 5, 2, 3], [1, 2, 2, 1]);
    const grad = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), 7)))(x);
    expect(Array.from(await grad.data())).toEqual([0, 7, 0, 0]);
    tf.dispose([x, grad]);
  });

  it('refuses a dy that is not the pooling output shape', async () => {
    await useWasm();
    const c = CASES[0];
    const xt = tf.zeros(X_SHAPE);
    const dy = tf.zeros([2, 2, 2, 3]);
    const call = () =>
      maxPoolGradOnHost('wasm')({
        inputs: { dy, input: xt, output: dy },
        backend: tf.backend(),
        attrs: { filterSize: c.filter, strides: c.stride, pad: c.pad } as unknown as tf.NamedAttrMap,
      });
    expect(call).toThrow(/dy is 2x2x2x3, the pooling's output is 2x3x3x3/);
    tf.dispose([xt, dy]);
  });
});
