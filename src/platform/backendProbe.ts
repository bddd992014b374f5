// What this browser says about its GPU, read without starting a tfjs backend: the WebGPU adapter's
// info and the WebGL renderer string. Runs in workers (OffscreenCanvas) and on pages.
import type { AdapterInfo, DeviceProbe } from './backendChoice';

interface AdapterLike {
  info?: AdapterInfo;
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<AdapterInfo>;
}

interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

async function adapterInfo(): Promise<AdapterInfo | null> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return null;
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return null;
    const info = adapter.info ?? (await adapter.requestAdapterInfo?.()) ?? {};
    return {
      vendor: info.vendor || undefined,
      architecture: info.architecture || undefined,
      description: info.description || undefined,
      device: info.device || undefined,
      // Chromium moved the flag from the adapter to its info (and may report false for SwiftShader).
      isFallbackAdapter: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
    };
  } catch {
    return null;
  }
}

/** The unmasked WebGL renderer, "" when the browser hides it, null when there is no WebGL. */
function webglRenderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  try {
    const canvas = new OffscreenCanvas(1, 1);
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return null;
    const debug = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return typeof renderer === 'string' ? renderer : '';
  } catch {
    return null;
  }
}

export async function probeDevice(): Promise<DeviceProbe> {
  return {
    webgpu: await adapterInfo(),
    webglRenderer: webglRenderer(),
    userAgent: globalThis.navigator?.userAgent ?? 'unknown',
  };
}
