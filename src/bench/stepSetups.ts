// The set-ups a backend's training step is timed under in `step_wasm_vs_other`. Every backend has
// 'app' (as the app runs it: on wasm and cpu with our kernels of src/kernels). The cpu backend also:
// - 'tfjs-kernels': the app's cpu path with tfjs's own kernels. Ours are unregistered for the
//   measurement (tf.unregisterKernel, the original config registered again) and put back after.
// - 'tfjs-conv2d': tf.conv2d on tfjs's own cpu kernels, so a convolution's weight gradient is tfjs's
//   original scalar-loop Conv2DBackpropFilter (the "before" of issue #11). The app's cpu path never
//   calls that kernel (src/nn/conv.ts convolves by im2col + matMul when the backend is 'cpu'), so this
//   set-up runs a second instance of the cpu backend under another name with tfjs's own kernels.
import * as tf from '@tensorflow/tfjs-core';
import { isOurKernel, originalKernel, uninstallKernel } from '../kernels/install';
import { registerFastKernels } from '../kernels/register';
import type { BenchBackend } from './types';

export interface StepSetupSpec {
  id: 'app' | 'tfjs-kernels' | 'tfjs-conv2d';
  /** Short name for labels and values, e.g. "cpu, tfjs kernels". */
  name: string;
  /** What runs, for the row's note. */
  description: string;
  /** Switches to this set-up; resolves to the function that switches back. */
  enter(): Promise<() => Promise<void>>;
}

/** The backend name of the 'tfjs-conv2d' set-up while it runs. */
export const TFJS_CONV2D_BACKEND = 'cpu-tfjs-conv2d';

/** Unregisters our kernels on `backend` (the backend's own configs registered again); returns their names. */
export function unregisterOurKernels(backend: string): string[] {
  const ours = tf
    .getKernelsForBackend(backend)
    .map((k) => k.kernelName)
    .filter((name) => isOurKernel(name, backend));
  for (const name of ours) uninstallKernel(name, backend);
  return ours;
}

async function withTfjsKernels(backend: BenchBackend): Promise<() => Promise<void>> {
  const removed = unregisterOurKernels(backend);
  return async () => {
    if (removed.length > 0) registerFastKernels(backend);
  };
}

/** A fresh cpu backend instance under TFJS_CONV2D_BACKEND with tfjs's own cpu kernels, made active. */
async function withTfjsConv2d(): Promise<() => Promise<void>> {
  const cpu = tf.findBackend('cpu');
  if (!cpu) throw new Error('the cpu backend is not running');
  for (const kernel of tf.getKernelsForBackend('cpu')) {
    if (tf.getKernel(kernel.kernelName, TFJS_CONV2D_BACKEND)) continue;
    tf.registerKernel({ ...(originalKernel(kernel.kernelName, 'cpu') ?? kernel), backendName: TFJS_CONV2D_BACKEND });
  }
  const CpuBackend = cpu.constructor as new () => tf.KernelBackend;
  if (!tf.findBackendFactory(TFJS_CONV2D_BACKEND)) tf.registerBackend(TFJS_CONV2D_BACKEND, () => new CpuBackend(), -1);
  if (!(await tf.setBackend(TFJS_CONV2D_BACKEND))) throw new Error(`the ${TFJS_CONV2D_BACKEND} backend did not start`);
  return async () => {
    await tf.setBackend('cpu');
    tf.removeBackend(TFJS_CONV2D_BACKEND);
  };
}

const APP: StepSetupSpec = { id: 'app', name: '', description: 'as the app runs it', enter: async () => async () => {} };

/** The set-ups measured on `backend`, in order; `name` is filled in with the backend. */
export function stepSetups(backend: BenchBackend): StepSetupSpec[] {
  const app = { ...APP, name: backend };
  if (backend === 'wasm') return [{ ...app, description: 'as the app runs it: XNNPACK with our kernels of src/kernels' }];
  if (backend !== 'cpu') return [app];
  return [
    {
      ...app,
      description:
        'as the app runs it: im2col + matMul convolutions, with our kernels of src/kernels (UnsortedSegmentSum; Conv2DBackpropFilter, which this path does not call)',
    },
    {
      id: 'tfjs-kernels',
      name: 'cpu, tfjs kernels',
      description:
        "the app's cpu path (im2col + matMul) with tfjs's own kernels: ours unregistered for this measurement and registered again after",
      enter: () => withTfjsKernels(backend),
    },
    {
      id: 'tfjs-conv2d',
      name: 'cpu, tf.conv2d + tfjs filter gradient',
      description:
        "tf.conv2d on tfjs's own cpu kernels: tfjs's original scalar-loop Conv2DBackpropFilter (issue #11's before; a second cpu backend instance, since the app's cpu path is im2col)",
      enter: withTfjsConv2d,
    },
  ];
}
