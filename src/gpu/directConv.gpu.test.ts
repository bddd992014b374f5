// The direct convolution for few input channels (WGSL, Node Dawn) against a float64 convolution,
// through tf.conv2d with our Conv2D kernel installed as the app installs it.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../core/reference/random';
import { isOurKernel } from '../kernels/install';
import { registerFastKernels } from '../kernels/register';
import { conv64 } from '../kernels/testing/conv64';
import { checkedRun, startGpuForTests } from './testing/gpuTestEnv';

const env = await startGpuForTests();

type Shape = [number, number, number, number];
interface Case {
  x: Shape;
  k: number;
  cOut: number;
  stride: number;
  pad: 'same' | 'valid' | number;
  dilation?: number;
}

const cases: Case[] = [
  { x: [3, 28, 28, 1], k: 3, cOut: 16, stride: 1, pad: 'same' }, // simple-cnn's first layer
  { x: [2, 32, 32, 3], k: 3, cOut: 16, stride: 1, pad: 'same' }, // vgg-mini's / resnet-mini's first layer
  { x: [1, 9, 11, 2], k: 5, cOut: 3, stride: 2, pad: 'valid' },
  { x: [2, 10, 7, 3], k: 3, cOut: 5, stride: 2, pad: 2 },
  { x: [1, 12, 12, 1], k: 3, cOut: 2, stride: 1, pad: 'same', dilation: 2 },
  { x: [1, 6, 6, 4], k: 3, cOut: 4, stride: 1, pad: 'same' }, // 4 channels: tfjs's own program
];

/** A dilated k x k filter as the undilated filter it equals (zeros between the taps). */
function dilate(w: Float64Array, k: number, cIn: number, cOut: number, d: number): { w: Float64Array; k: number } {
  const kd = (k - 1) * d + 1;
  const out = new Float64Array(kd * kd * cIn * cOut);
  for (let dy = 0; dy < k; dy += 1)
    for (let dx = 0; dx < k; dx += 1)
      for (let i = 0; i < cIn * cOut; i += 1) out[(dy * d * kd + dx * d) * cIn * cOut + i] = w[(dy * k + dx) * cIn * cOut + i];
  return { w: out, k: kd };
}

function reference(c: Case, x: Float64Array, w: Float64Array, outHeight: number, outWidth: number): Float64Array {
  const d = dilate(w, c.k, c.x[3], c.cOut, c.dilation ?? 1);
  const [, h, wd] = c.x;
  const pads = (size: number, out: number): number =>
    typeof c.pad === 'number' ? c.pad : c.pad === 'valid' ? 0 : Math.floor(Math.max((out - 1) * c.stride + d.k - size, 0) / 2);
  return conv64(
    {
      x,
      xShape: c.x,
      k: d.k,
      cOut: c.cOut,
      stride: c.stride,
      padTop: pads(h, outHeight),
      padLeft: pads(wd, outWidth),
      outHeight,
      outWidth,
    },
    d.w,
  );
}

describe.skipIf(!env.ready)(env.ready ? `direct convolution on ${env.adapter}` : `SKIPPED: ${env.ready || env.reason}`, () => {
  it('is the Conv2D kernel of webgpu once our kernels are registered', () => {
    registerFastKernels('webgpu');
    expect(isOurKernel(tf.Conv2D, 'webgpu')).toBe(true);
  });

  for (const c of cases) {
    const name = `x [${c.x.join(',')}] k=${c.k} out=${c.cOut} stride=${c.stride} pad=${c.pad} dilation=${c.dilation ?? 1}`;
    it(`${name}: matches a float64 convolution`, async () => {
      registerFastKernels('webgpu');
      const rng = seededRng(c.x[1] * 31 + c.k);
      const xs = Float64Array.from({ length: c.x.reduce((a, b) => a * b, 1) }, () => rng.normal());
      const ws = Float64Array.from({ length: c.k * c.k * c.x[3] * c.cOut }, () => rng.normal());
      // The reference sees exactly the float32 values the GPU sees.
      const xf = Float32Array.from(xs);
      const wf = Float32Array.from(ws);
      const x = tf.tensor4d(xf, c.x);
      const w = tf.tensor4d(wf, [c.k, c.k, c.x[3], c.cOut]);
      const { out, values } = await checkedRun(() => tf.conv2d(x, w, c.stride, c.pad, 'NHWC', c.dilation ?? 1));
      const [, outHeight, outWidth] = out.shape;
      const ref = reference(c, Float64Array.from(xf), Float64Array.from(wf), outHeight, outWidth);
      expect(values[0].length).toBe(ref.length);
      let worst = 0;
      for (let i = 0; i < ref.length; i += 1) worst = Math.max(worst, Math.abs(values[0][i] - ref[i]) / (1 + Math.abs(ref[i])));
      // float32 sums of at most 75 products of O(1) values: a few ulps of the magnitude.
      expect(worst).toBeLessThan(1e-5);
      tf.dispose([x, w, out]);
    });
  }
});
