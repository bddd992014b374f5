// Chooses the tfjs backend for CLI commands under Node. The browser's choice lives in
// src/platform/backend.ts; Node has no WebGL, so the choice here is cpu or webgpu (Dawn).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { CliError } from './cliError';

export type NodeBackendName = 'cpu' | 'webgpu';
export const NODE_BACKENDS: readonly NodeBackendName[] = ['cpu', 'webgpu'];

/** Starts `name` as the active tfjs backend, or throws a one-line CliError saying why it could not. */
export async function initNodeBackend(name: NodeBackendName): Promise<void> {
  if (name === 'cpu') {
    tf.enableProdMode(); // also silences the cpu backend's "install tfjs-node" banner on stderr
    if (!(await tf.setBackend('cpu'))) throw new CliError('the tfjs cpu backend could not start');
    await tf.ready();
    return;
  }
  try {
    const { initNodeWebgpu } = await import('../gpu/nodeWebgpu');
    await initNodeWebgpu();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`the webgpu backend is not available here (${reason.split('\n')[0]}); use --backend cpu`);
  }
}

/**
 * tfjs-core registers no gradients by itself, and its ESM path `@tensorflow/tfjs-core/dist/register_all_gradients`
 * (what the browser bundle and Vitest import) does not load in plain Node. The Node bundle of
 * tfjs-layers registers every core gradient when loaded: commands that train call this first.
 */
export async function registerNodeGradients(): Promise<void> {
  await import('@tensorflow/tfjs-layers');
}
