// Backend names and their labels, without tfjs: the page (stores, UI) imports these, and importing
// platform/backend.ts there would pull tfjs into the page's bundle.

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** Every backend, in the default order of preference (before measurements on this device). */
export const BACKEND_NAMES: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export function parseBackendName(value: string | null | undefined): BackendName | undefined {
  return BACKEND_NAMES.find((name) => name === value);
}

const LABELS: Record<BackendName, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/** "WebGPU", "WebGL", "WASM", "CPU". */
export function backendDisplayName(name: BackendName): string {
  return LABELS[name];
}

/** `?backend=` from a page address's search part ("?backend=wasm&x=1"), if it names a backend. */
export function addressBackend(search: string): BackendName | undefined {
  return parseBackendName(new URLSearchParams(search).get('backend'));
}

/** The search part with `?backend=` set to `name` (or removed for undefined), other keys kept. */
export function withAddressBackend(search: string, name: BackendName | undefined): string {
  const params = new URLSearchParams(search);
  if (name) params.set('backend', name);
  else params.delete('backend');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** True when WebGPU was wanted (auto or forced) but another backend runs. */
export function fellBackFromWebGpu(name: BackendName, forced: BackendName | undefined): boolean {
  return name !== 'webgpu' && (forced === undefined || forced === 'webgpu');
}
