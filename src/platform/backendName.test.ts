import { describe, expect, it } from 'vitest';
import { addressBackend, backendDisplayName, fellBackFromWebGpu, parseBackendName, withAddressBackend } from './backendName';

describe('backend names', () => {
  it('parses the four backends and nothing else', () => {
    expect(['webgpu', 'webgl', 'wasm', 'cpu'].map(parseBackendName)).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(parseBackendName('auto')).toBeUndefined();
    expect(parseBackendName(null)).toBeUndefined();
    expect(backendDisplayName('wasm')).toBe('WASM');
  });

  it('reads and writes ?backend= in an address, keeping other keys', () => {
    expect(addressBackend('?backend=wasm')).toBe('wasm');
    expect(addressBackend('?x=1&backend=WASM')).toBeUndefined();
    expect(withAddressBackend('?x=1&backend=cpu', 'wasm')).toBe('?x=1&backend=wasm');
    expect(withAddressBackend('?backend=cpu', undefined)).toBe('');
  });

  it('calls it a fallback only when WebGPU was wanted', () => {
    expect(fellBackFromWebGpu('wasm', undefined)).toBe(true);
    expect(fellBackFromWebGpu('cpu', 'webgpu')).toBe(true);
    expect(fellBackFromWebGpu('wasm', 'wasm')).toBe(false);
    expect(fellBackFromWebGpu('webgpu', undefined)).toBe(false);
  });
});
