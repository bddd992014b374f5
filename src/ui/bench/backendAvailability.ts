// Which backends the benchmark worker can start here, and why not, found without TensorFlow.js:
// WebGPU needs navigator.gpu and an adapter; WebGL in a worker needs an OffscreenCanvas with a
// WebGL context; CPU always runs. The worker still has the last word (a failing backend becomes
// a note in the table).
import type { BenchBackend } from '../../bench/types';

export interface BackendAvailability {
  available: boolean;
  /** Why it is unavailable, in words; for WebGPU the adapter when it is available. */
  detail?: string;
}

export type AvailabilityMap = Record<BenchBackend, BackendAvailability>;

interface GpuProbe {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string }; isFallbackAdapter?: boolean } | null>;
}

async function probeWebGpu(): Promise<BackendAvailability> {
  const gpu = (globalThis.navigator as { gpu?: GpuProbe } | undefined)?.gpu;
  if (!gpu) return { available: false, detail: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, detail: 'the browser granted no WebGPU adapter (no GPU, or WebGPU is switched off)' };
    const name = [adapter.info?.vendor, adapter.info?.architecture].filter(Boolean).join(' ') || 'unknown adapter';
    return { available: true, detail: adapter.isFallbackAdapter ? `${name}, a software adapter` : name };
  } catch (error) {
    return { available: false, detail: `asking for a WebGPU adapter failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function probeWebGl(): BackendAvailability {
  if (typeof OffscreenCanvas === 'undefined') return { available: false, detail: 'this browser has no OffscreenCanvas, which WebGL needs inside a worker' };
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (!context) return { available: false, detail: 'the browser gave no WebGL context (WebGL is off or blocked)' };
    context.getExtension('WEBGL_lose_context')?.loseContext(); // free the probe's context at once
    return { available: true };
  } catch (error) {
    return { available: false, detail: `creating a WebGL context failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function probeBackends(): Promise<AvailabilityMap> {
  return { webgpu: await probeWebGpu(), webgl: probeWebGl(), cpu: { available: true } };
}
