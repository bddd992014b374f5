// Chooses the tfjs backend for CLI commands under Node. The browser's choice lives in
// src/platform/backend.ts; Node has no WebGL, so the choice here is wasm (the default: XNNPACK with
// our kernels from src/kernels), cpu (tfjs's JavaScript kernels, the float32 reference) or webgpu (Dawn).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { registerFastKernels } from '../kernels/register';
import { CliError } from './cliError';
import type { NodeBackendName } from './nodeBackendNames';

export { BACKEND_USAGE, DEFAULT_NODE_BACKEND, NODE_BACKENDS, type NodeBackendName } from './nodeBackendNames';

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/** Starts `name` as the active tfjs backend, or throws a one-line CliError saying why it could not. */
export async function initNodeBackend(name: NodeBackendName): Promise<void> {
  tf.enableProdMode(); // also silences the cpu backend's "install tfjs-node" banner on stderr
  if (name === 'cpu') {
    if (!(await tf.setBackend('cpu'))) throw new CliError('the tfjs cpu backend could not start');
    await tf.ready();
    registerFastKernels('cpu');
    return;
  }
  if (name === 'wasm') {
    try {
      await import('@tensorflow/tfjs-backend-wasm');
      if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false');
      await tf.ready();
    } catch (error) {
      throw new CliError(`the wasm backend is not available here (${reasonOf(error)}); use --backend cpu`);
    }
    registerFastKernels('wasm');
    return;
  }
  try {
    const { initNodeWebgpu } = await import('../gpu/nodeWebgpu');
    await initNodeWebgpu();
    registerFastKernels('webgpu');
  } catch (error) {
    throw new CliError(`the webgpu backend is not available here (${reasonOf(error)}); use --backend wasm or --backend cpu`);
  }
}

/** One line naming the running backend, e.g. "wasm (XNNPACK, SIMD, 1 thread; Node v20.19.0)". */
export async function describeNodeBackend(name: NodeBackendName): Promise<string> {
  const node = `Node ${process.version}`;
  if (name === 'wasm') {
    const simd = await tf
      .env()
      .getAsync('WASM_HAS_SIMD_SUPPORT')
      .catch(() => false);
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const threads = wasm.getThreadsCount();
    return `wasm (XNNPACK, ${simd ? 'SIMD' : 'no SIMD'}, ${threads} thread${threads === 1 ? '' : 's'}; ${node})`;
  }
  if (name === 'cpu') return `cpu (tfjs JavaScript kernels, one thread; ${node})`;
  return `webgpu (Dawn; ${node})`;
}

/**
 * tfjs-core registers no gradients by itself, and its ESM path `@tensorflow/tfjs-core/dist/register_all_gradients`
 * (what the browser bundle and Vitest import) does not load in plain Node. The Node bundle of
 * tfjs-layers registers every core gradient when loaded: commands that train call this first.
 */
export async function registerNodeGradients(): Promise<void> {
  await import('@tensorflow/tfjs-layers');
}
