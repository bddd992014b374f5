// UnsortedSegmentSum (the gradient of tf.gather) on wasm against the cpu backend's kernel and a float64
// scatter-add. Tolerance: max |difference| / max(1, max |reference|) <= 1e-6 (ours sums in float64 and
// rounds once, like the cpu kernel's Sum).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePatches } from '../core/patchCovariance';
import { createRng } from '../nn/random';
import { originalKernel } from './install';
import { registerFastKernels } from './register';
import { on, scaledError, useCpu } from './testing/backends';

const TOLERANCE = 1e-6;

function random(count: number, seed: number, scale = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: count }, () => (rng() * 2 - 1) * scale);
}

function ids(count: number, seed: number, lo: number, hi: number): Int32Array {
  const rng = createRng(seed);
  return Int32Array.from({ length: count }, () => lo + Math.floor(rng() * (hi - lo)));
}

/** out[ids[i], j] += x[i, j] in float64, ids outside [0, segments) dropped. */
function segmentSum64(x: ArrayLike<number>, segmentIds: Int32Array, segments: number): Float64Array {
  const inner = x.length / segmentIds.length;
  const out = new Float64Array(segments * inner);
  segmentIds.forEach((s, i) => {
    if (s < 0 || s >= segments) return;
    for (let j = 0; j < inner; j += 1) out[s * inner + j] += x[i * inner + j];
  });
  return out;
}

describe('UnsortedSegmentSum on wasm', () => {
  afterAll(useCpu);

  // `cpu: false`: tfjs's cpu kernel fails on 2-D ids (it expands them on the wrong axis); float64 only.
  const cases: { name: string; xShape: number[]; idShape: number[]; segments: number; lo: number; hi: number; cpu?: false }[] = [
    { name: '1-D ids, ids out of range dropped', xShape: [40, 3, 4], idShape: [40], segments: 6, lo: -2, hi: 8 },
    { name: '2-D ids', xShape: [4, 5, 3], idShape: [4, 5], segments: 7, lo: 0, hi: 7, cpu: false },
    { name: 'scalar rows', xShape: [100], idShape: [100], segments: 9, lo: 0, hi: 9 },
  ];
  for (const c of cases) {
    it(`${c.name}: matches the cpu kernel and float64`, async () => {
      const x = random(tf.util.sizeFromShape(c.xShape), 1, 10);
      const segmentIds = ids(tf.util.sizeFromShape(c.idShape), 2, c.lo, c.hi);
      const f = () => {
        const idTensor: tf.Tensor = tf.tensor(segmentIds, c.idShape, 'int32'); // the kernel takes ids of any rank
        return tf.unsortedSegmentSum(tf.tensor(x, c.xShape), idTensor as tf.Tensor1D, c.segments);
      };
      const wasm = await on('wasm', f);
      const ref = segmentSum64(x, segmentIds, c.segments);
      expect(scaledError(wasm, ref)).toBeLessThan(TOLERANCE);
      if (c.cpu === false) return;
      const cpu = await on('cpu', f);
      expect(scaledError(cpu, ref)).toBeLessThan(TOLERANCE);
      expect(scaledError(wasm, cpu)).toBeLessThan(TOLERANCE);
    });
  }

  it('on cpu, ours gives bit-identical results to the cpu kernel (same float64 sums, in the same order)', async () => {
    await useCpu();
    registerFastKernels('cpu');
    const x = tf.tensor(random(40 * 12, 7, 10), [40, 3, 4]);
    const segmentIds = tf.tensor1d(ids(40, 8, -1, 7), 'int32');
    const ours = tf.unsortedSegmentSum(x, segmentIds, 6);
    const own = originalKernel(tf.UnsortedSegmentSum, 'cpu');
    if (!own) throw new Error('no cpu kernel');
    const theirs = tf
      .engine()
      .makeTensorFromTensorInfo(
        own.kernelFunc({ inputs: { x, segmentIds }, backend: tf.backend(), attrs: { numSegments: 6 } }) as tf.TensorInfo,
      );
    expect(Array.from(await ours.data())).toEqual(Array.from(await theirs.data()));
    tf.dispose([x, segmentIds, ours, theirs]);
  });

  it('int32 input stays int32', async () => {
    const out = await on('wasm', () => {
      const r = tf.unsortedSegmentSum(tf.tensor1d([1, 2, 3, 4], 'int32'), tf.tensor1d([1, 0, 1, 3], 'int32'), 3);
      expect(r.dtype).toBe('int32');
      return tf.cast(r, 'float32');
    });
    expect(Array.from(out)).toEqual([2, 4, 0]);
  });

  for (const axis of [0, 1, 2]) {
    it(`the gradient of gather (axis ${axis}, repeated indices) matches cpu and float64`, async () => {
      const shape = [5, 6, 4];
      const x = random(120, 3);
      const index = ids(7, 4 + axis, 0, shape[axis]);
      const outShape = shape.map((d, i) => (i === axis ? index.length : d));
      const g = random(tf.util.sizeFromShape(outShape), 5);
      const f = () =>
        tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, tf.tensor1d(index, 'int32'), axis), tf.tensor(g, outShape))))(
          tf.tensor(x, shape),
        );
      const cpu = await on('cpu', f);
      const wasm = await on('wasm', f);
      // Reference: move `axis` to the front, scatter-add rows of g, move back.
      const ref = new Float64Array(120);
      const strides = [24, 4, 1];
      const gStrides = [outShape[1] * outShape[2], outShape[2], 1];
      for (let i = 0; i < g.length; i += 1) {
        const coord = [Math.floor(i / gStrides[0]), Math.floor(i / gStrides[1]) % outShape[1], i % outShape[2]];
        coord[axis] = index[coord[axis]];
        ref[coord[0] * strides[0] + coord[1] * strides[1] + coord[2]] += g[i];
      }
      expect(scaledError(cpu, ref)).toBeLessThan(TOLERANCE);
      expect(scaledError(wasm, ref)).toBeLessThan(TOLERANCE);
    });
  }

  it('the gradient through strided patch sampling (patchCovariance) matches cpu', async () => {
    const x = random(2 * 9 * 9 * 2, 6);
    const f = () =>
      tf.grad((t: tf.Tensor) => tf.sum(tf.square(samplePatches(t as tf.Tensor4D, { kernel: 3, samplingStride: 2, padding: 'same' }))))(
        tf.tensor4d(x, [2, 9, 9, 2]),
      );
    const cpu = await on('cpu', f);
    const wasm = await on('wasm', f);
    expect(scaledError(wasm, cpu)).toBeLessThan(TOLERANCE);
  });
});
