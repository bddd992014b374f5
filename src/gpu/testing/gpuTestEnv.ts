// Shared start-up for the GPU unit tests (Node, Dawn). Where Chromium is installed (CI installs
// it, and with it SwiftShader) a missing adapter is a failure; elsewhere the tests are skipped
// with the reason in their title.
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { initNodeWebgpu } from '../nodeWebgpu';

export type GpuTestEnv = { ready: true; adapter: string } | { ready: false; reason: string };

const CHROMIUM = '/usr/bin/chromium';

export async function startGpuForTests(): Promise<GpuTestEnv> {
  try {
    const { adapter } = await initNodeWebgpu();
    return { ready: true, adapter };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (existsSync(CHROMIUM)) {
      throw new Error(`GPU tests: ${CHROMIUM} is installed, so SwiftShader should give an adapter, but: ${message}`, { cause: error });
    }
    return { ready: false, reason: `no WebGPU adapter in Node (${message})` };
  }
}

function device(): GPUDevice {
  return (tf.backend() as WebGPUBackend).device;
}

/**
 * Runs `fn` inside a validation error scope, waits for the values of what it returns, and throws
 * on any validation error, so broken WGSL fails loudly instead of yielding zeros.
 */
export async function checkedRun<T extends tf.Tensor | tf.Tensor[]>(fn: () => T): Promise<{ out: T; values: Float32Array[] }> {
  device().pushErrorScope('validation');
  const out = fn();
  const tensors = Array.isArray(out) ? out : [out];
  const values = await Promise.all(tensors.map(async (t) => (await t.data()) as Float32Array));
  const error = await device().popErrorScope();
  if (error) throw new Error(`WebGPU validation error: ${error.message}`);
  return { out, values };
}
