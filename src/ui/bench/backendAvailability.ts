// Which backends the benchmark worker can start here, and why not, found without TensorFlow.js:
// WebGPU needs navigator.gpu and an adapter; WebGL in a worker needs an OffscreenCanvas with a
// WebGL context; WASM needs WebAssembly (SIMD when the browser validates a SIMD module, else the
// plain binary); CPU always runs. The worker still has the last word (a failing backend becomes
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
  if (typeof OffscreenCanvas === 'undefined')
    return { available: false, detail: 'this browser has no OffscreenCanvas, which WebGL needs inside a worker' };
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

/**
 * The smallest module using a SIMD instruction: one function `() -> v128` whose body is
 * `i32.const 0; i8x16.splat`. A browser without wasm SIMD rejects it.
 */
const SIMD_MODULE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00, // "\0asm", version 1
  0x01,
  0x05,
  0x01,
  0x60,
  0x00,
  0x01,
  0x7b, // type section: one type, () -> v128
  0x03,
  0x02,
  0x01,
  0x00, // function section: one function of type 0
  0x0a,
  0x08,
  0x01,
  0x06,
  0x00,
  0x41,
  0x00,
  0xfd,
  0x0f,
  0x0b, // code: no locals; i32.const 0; i8x16.splat; end
]);

/** `wasm`: the WebAssembly object to ask (null: none), for tests. */
export function probeWasm(wasm: Pick<typeof WebAssembly, 'validate'> | null | undefined = globalThis.WebAssembly): BackendAvailability {
  if (!wasm || typeof wasm.validate !== 'function') return { available: false, detail: 'this browser has no WebAssembly' };
  try {
    return { available: true, detail: wasm.validate(SIMD_MODULE) ? 'SIMD, single thread' : 'no SIMD (plain wasm), single thread' };
  } catch (error) {
    return { available: false, detail: `checking WebAssembly failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export async function probeBackends(): Promise<AvailabilityMap> {
  return { webgpu: await probeWebGpu(), webgl: probeWebGl(), wasm: probeWasm(), cpu: { available: true } };
}
