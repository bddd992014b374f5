// Entry of gpu-check.html: a page without UI that starts WebGPU with the fused kernels and exposes
// the correctness checks to Playwright (e2e/gpu-kernels.spec.ts). The benchmark has its own page, bench.html.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-webgpu';
import { registerFusedKernels } from '../register';
import { activeImplementation, type ImplementationName } from '../../core/ops';
import { runChecks } from './checks';

export interface GpuCheckInfo {
  backend: string;
  implementation: ImplementationName;
  adapter: string;
}

async function start(): Promise<GpuCheckInfo> {
  const gpu = (navigator as Navigator & { gpu?: GPU }).gpu;
  if (!gpu) throw new Error('this browser has no WebGPU (navigator.gpu is missing)');
  const adapter = await gpu.requestAdapter();
  if (!adapter) throw new Error('no WebGPU adapter was granted');
  registerFusedKernels();
  if (!(await tf.setBackend('webgpu'))) throw new Error('tf.setBackend("webgpu") failed');
  await tf.ready();
  const name = [adapter.info.vendor, adapter.info.architecture].filter(Boolean).join(' ') || 'unknown adapter';
  return { backend: tf.getBackend(), implementation: activeImplementation(), adapter: name };
}

const ready = start();
const status = document.getElementById('status');
ready.then(
  (info) => {
    if (status) status.textContent = `ready: ${info.backend} on ${info.adapter} (${info.implementation})`;
  },
  (error: unknown) => {
    if (status) status.textContent = `WebGPU unavailable: ${error instanceof Error ? error.message : String(error)}`;
  },
);

const api = { ready, runChecks };
export type GpuCheckApi = typeof api;
(window as Window & { deconvGpuCheck?: GpuCheckApi }).deconvGpuCheck = api;
