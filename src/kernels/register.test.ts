// registerFastKernels: before or after tf.setBackend, idempotent, and undoable for measurements.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isOurKernel, originalKernel, uninstallKernel } from './install';
import { registerFastKernels } from './register';
import { useCpu } from './testing/backends';

describe('registerFastKernels', () => {
  afterAll(useCpu);

  it('registered BEFORE the wasm backend starts: the engine runs the original setup, our kernels run', async () => {
    await import('@tensorflow/tfjs-backend-wasm');
    const ownMatMul = tf.getKernel(tf.BatchMatMul, 'wasm');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'wasm')).toBeUndefined(); // tfjs#8474
    registerFastKernels('wasm');
    expect(await tf.setBackend('wasm')).toBe(true);
    for (const name of [tf.BatchMatMul, tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput, tf.UnsortedSegmentSum])
      expect(isOurKernel(name, 'wasm'), name).toBe(true);
    expect(originalKernel(tf.BatchMatMul, 'wasm')).toBe(ownMatMul);
    expect(tf.getKernel(tf.BatchMatMul, 'wasm')?.setupFunc).toBe(ownMatMul?.setupFunc);
    // A transposed product large enough for our path calls the original's XNNPACK entry (set up by the engine).
    const a = tf.ones([40, 64]);
    const b = tf.ones([40, 48]);
    const product = tf.matMul(a, b, true, false);
    expect(product.shape).toEqual([64, 48]);
    expect(Array.from(await product.data()).every((v) => v === 40)).toBe(true);
    tf.dispose([a, b, product]);
  });

  it('is idempotent: a second call changes nothing', () => {
    const before = [tf.BatchMatMul, tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput, tf.UnsortedSegmentSum].map(
      (n) => tf.getKernel(n, 'wasm')?.kernelFunc,
    );
    registerFastKernels('wasm');
    registerFastKernels('wasm');
    expect(
      [tf.BatchMatMul, tf.Conv2DBackpropFilter, tf.Conv2DBackpropInput, tf.UnsortedSegmentSum].map(
        (n) => tf.getKernel(n, 'wasm')?.kernelFunc,
      ),
    ).toEqual(before);
  });

  it('cpu: replaces Conv2DBackpropFilter and UnsortedSegmentSum only; uninstallKernel puts the original back', async () => {
    await useCpu();
    const own = tf.getKernel(tf.Conv2DBackpropFilter, 'cpu');
    const matMul = tf.getKernel(tf.BatchMatMul, 'cpu');
    registerFastKernels('cpu');
    expect(isOurKernel(tf.Conv2DBackpropFilter, 'cpu')).toBe(true);
    expect(isOurKernel(tf.UnsortedSegmentSum, 'cpu')).toBe(true);
    expect(tf.getKernel(tf.BatchMatMul, 'cpu')).toBe(matMul);
    expect(originalKernel(tf.Conv2DBackpropFilter, 'cpu')).toBe(own);
    uninstallKernel(tf.Conv2DBackpropFilter, 'cpu');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'cpu')).toBe(own);
    registerFastKernels('cpu');
    expect(isOurKernel(tf.Conv2DBackpropFilter, 'cpu')).toBe(true);
  });

  it('is a no-op for other backends', () => {
    registerFastKernels('webgl');
    expect(tf.getKernel(tf.Conv2DBackpropFilter, 'webgl')).toBeUndefined();
  });

  it('webgpu: asks for the backend package when its Conv2D is not registered (the GPU tests cover the kernel)', () => {
    expect(() => registerFastKernels('webgpu')).toThrow(/import '@tensorflow\/tfjs-backend-webgpu' first/);
  });
});
