// The cpu set-ups of `step_wasm_vs_other`: tfjs's own kernels for a measurement and ours put back
// after; tf.conv2d with tfjs's original filter gradient on a second cpu instance, removed after.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isOurKernel, uninstallKernel } from '../kernels/install';
import { registerFastKernels } from '../kernels/register';
import { useCpu } from '../kernels/testing/backends';
import { stepSetups, TFJS_CONV2D_BACKEND, unregisterOurKernels } from './stepSetups';

const OURS_ON_CPU = [tf.Conv2DBackpropFilter, tf.UnsortedSegmentSum];

function spec(id: string) {
  const found = stepSetups('cpu').find((s) => s.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

describe('step set-ups', () => {
  afterAll(() => {
    for (const name of OURS_ON_CPU) uninstallKernel(name, 'cpu');
  });

  it('offers the app set-up on every backend and the two tfjs set-ups on cpu only', () => {
    expect(stepSetups('wasm').map((s) => s.id)).toEqual(['app']);
    expect(stepSetups('webgl').map((s) => [s.id, s.name])).toEqual([['app', 'webgl']]);
    expect(stepSetups('cpu').map((s) => s.id)).toEqual(['app', 'tfjs-kernels', 'tfjs-conv2d']);
  });

  it('tfjs-kernels: unregisters ours on cpu for the measurement and registers them again after', async () => {
    await useCpu();
    registerFastKernels('cpu');
    const leave = await spec('tfjs-kernels').enter();
    for (const name of OURS_ON_CPU) expect(isOurKernel(name, 'cpu'), name).toBe(false);
    await leave();
    for (const name of OURS_ON_CPU) expect(isOurKernel(name, 'cpu'), name).toBe(true);
    expect(unregisterOurKernels('webgl')).toEqual([]);
  });

  it("tfjs-conv2d: runs tf.conv2d on a second cpu instance with tfjs's own filter gradient, then goes back to cpu", async () => {
    await useCpu();
    registerFastKernels('cpu');
    const before = tf.memory().numTensors;
    const leave = await spec('tfjs-conv2d').enter();
    try {
      expect(tf.getBackend()).toBe(TFJS_CONV2D_BACKEND);
      expect(tf.getKernel(tf.Conv2DBackpropFilter, TFJS_CONV2D_BACKEND)).toBeDefined();
      expect(isOurKernel(tf.Conv2DBackpropFilter, TFJS_CONV2D_BACKEND)).toBe(false);
      // The filter gradient of a 'same' 3x3 convolution of ones: 4 (corner) to 9 (middle) taps see the input.
      const x = tf.ones([1, 3, 3, 1]) as tf.Tensor4D;
      const w = tf.ones([3, 3, 1, 1]) as tf.Tensor4D;
      const dw = tf.grad((f: tf.Tensor) => tf.sum(tf.conv2d(x, f as tf.Tensor4D, 1, 'same')))(w);
      expect(Array.from(await dw.data())).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
      tf.dispose([x, w, dw]);
    } finally {
      await leave();
    }
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.findBackendFactory(TFJS_CONV2D_BACKEND)).toBeFalsy();
    expect(tf.memory().numTensors).toBe(before);
    for (const name of OURS_ON_CPU) expect(isOurKernel(name, 'cpu'), name).toBe(true);
    // A second time (kernels already registered under the name): no error, same result.
    const again = await spec('tfjs-conv2d').enter();
    expect(tf.getBackend()).toBe(TFJS_CONV2D_BACKEND);
    await again();
    expect(tf.getBackend()).toBe('cpu');
  });
});
