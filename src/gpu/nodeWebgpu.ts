// Starts the tfjs webgpu backend under Node through Dawn (npm package `webgpu`), pointed at
// Chromium's SwiftShader when no other Vulkan driver is configured. Used by the GPU unit tests,
// the CLI (`--backend webgpu`) and the Node part of the benchmark.
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import { registerFusedKernels } from './register';

const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface NodeWebgpuInfo {
  /** Adapter vendor/architecture as Dawn reports it, e.g. "google swiftshader". */
  adapter: string;
}

let started: Promise<NodeWebgpuInfo> | undefined;

async function start(): Promise<NodeWebgpuInfo> {
  if (process.env.VK_ICD_FILENAMES === undefined && existsSync(SWIFTSHADER_ICD)) {
    process.env.VK_ICD_FILENAMES = SWIFTSHADER_ICD;
  }
  const dawn = await import('webgpu');
  Object.assign(globalThis, dawn.globals);
  const gpu = dawn.create([]);
  Object.defineProperty(globalThis, 'navigator', { value: { gpu }, configurable: true, writable: true });
  const adapter = await gpu.requestAdapter();
  if (!adapter) {
    throw new Error(
      'WebGPU under Node: Dawn found no adapter. Install Chromium (it ships SwiftShader at ' +
        `${SWIFTSHADER_ICD}) or set VK_ICD_FILENAMES to a Vulkan driver.`,
    );
  }
  const name = [adapter.info.vendor, adapter.info.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  await import('@tensorflow/tfjs-backend-webgpu');
  registerFusedKernels();
  if (!(await tf.setBackend('webgpu'))) throw new Error('WebGPU under Node: tf.setBackend("webgpu") failed');
  await tf.ready();
  return { adapter: name };
}

/** Idempotent: the first call starts the backend, later calls return the same result. */
export function initNodeWebgpu(): Promise<NodeWebgpuInfo> {
  started ??= start();
  return started;
}
