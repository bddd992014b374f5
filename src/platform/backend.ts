// The one place that decides which tfjs backend runs: WebGPU, else WebGL, else CPU.
// Callers get the backend's name and a human-readable reason for the choice.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';

export type BackendName = 'webgpu' | 'webgl' | 'cpu';

export interface BackendInfo {
  name: BackendName;
  /** Why this backend runs, in a sentence a user can read. */
  reason: string;
  /** GPU adapter description when WebGPU runs (vendor / architecture), e.g. "swiftshader". */
  adapter?: string;
  /** True when the adapter is a software fallback (SwiftShader): correct but slow. */
  fallbackAdapter?: boolean;
}

export const BACKEND_PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'cpu'];

export function parseBackendName(value: string | null | undefined): BackendName | undefined {
  return value === 'webgpu' || value === 'webgl' || value === 'cpu' ? value : undefined;
}

interface GpuLike {
  requestAdapter(): Promise<{ info?: { vendor?: string; architecture?: string }; isFallbackAdapter?: boolean } | null>;
}

async function describeAdapter(): Promise<Pick<BackendInfo, 'adapter' | 'fallbackAdapter'>> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return {};
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return {};
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture].filter(Boolean).join(' ') || 'unknown adapter';
    return { adapter: name, fallbackAdapter: Boolean(adapter.isFallbackAdapter) };
  } catch {
    return {};
  }
}

async function loadBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
    const { registerFusedKernels } = await import('../gpu/register');
    registerFusedKernels();
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  }
}

async function tryBackend(name: BackendName): Promise<string | undefined> {
  try {
    if (name === 'webgpu' && !(globalThis.navigator as { gpu?: unknown } | undefined)?.gpu) {
      return 'this browser has no WebGPU (navigator.gpu is missing)';
    }
    await loadBackend(name);
    const ok = await tf.setBackend(name);
    if (!ok) return name === 'webgpu' ? 'no WebGPU adapter was granted' : `${name} failed to initialise`;
    await tf.ready();
    return undefined;
  } catch (error) {
    return `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Picks the first backend of WebGPU, WebGL, CPU that initialises. `forced` (from `?backend=` in the
 * URL or the CLI's `--backend`) skips the others, still falling back to CPU if it fails.
 */
export async function selectBackend(forced?: BackendName): Promise<BackendInfo> {
  const order = forced ? [forced, ...(forced === 'cpu' ? [] : (['cpu'] as const))] : BACKEND_PREFERENCE;
  const failures: string[] = [];
  for (const name of order) {
    const failure = await tryBackend(name);
    if (failure === undefined) {
      const reason =
        name === order[0]
          ? forced
            ? `${name} was requested explicitly`
            : name === 'webgpu'
              ? 'WebGPU is available: fused WGSL kernels run the deconvolution'
              : `${name} is the first backend that started`
          : `fell back to ${name}: ${failures.join('; ')}`;
      const adapter = name === 'webgpu' ? await describeAdapter() : {};
      return { name, reason, ...adapter };
    }
    failures.push(failure);
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}
