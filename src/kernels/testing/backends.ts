// Switching tests between the cpu backend (the float32 reference, Vitest's default here) and wasm.
import * as tf from '@tensorflow/tfjs-core';
import { registerFastKernels } from '../register';

/**
 * Loads and starts the wasm backend, then registers our kernels (after setBackend: the order the
 * browser uses; register.test.ts checks the other order). Tests switch back to cpu in afterAll.
 */
export async function useWasm(): Promise<void> {
  await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await tf.ready();
  registerFastKernels('wasm');
}

export async function useCpu(): Promise<void> {
  if (tf.getBackend() !== 'cpu' && !(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not start');
  await tf.ready();
}

/** Runs `f` on `backend` and reads its result back; tensors made inside are released. */
export async function on<T extends tf.Tensor>(backend: 'cpu' | 'wasm', f: () => T): Promise<Float32Array> {
  if (backend === 'wasm') await useWasm();
  else await useCpu();
  const out = tf.tidy(f);
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

/** Largest |a - b| over max(1, largest |b|): an error relative to the result's scale. */
export function scaledError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let diff = 0;
  let scale = 1;
  for (let i = 0; i < a.length; i += 1) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}
