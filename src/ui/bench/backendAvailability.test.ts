// The panel's availability probe without tfjs. In Node (Vitest): no OffscreenCanvas, so no WebGL;
// WebAssembly with SIMD; CPU always.
import { describe, expect, it } from 'vitest';
import { probeBackends, probeWasm } from './backendAvailability';

describe('backend availability', () => {
  it('finds WASM with SIMD where WebAssembly validates a SIMD module', () => {
    expect(probeWasm()).toEqual({ available: true, detail: 'SIMD, single thread' });
  });

  it('falls back to the plain binary without SIMD, and is unavailable without WebAssembly', () => {
    expect(probeWasm({ validate: () => false })).toEqual({ available: true, detail: 'no SIMD (plain wasm), single thread' });
    expect(probeWasm(null)).toEqual({ available: false, detail: 'this browser has no WebAssembly' });
    const throwing = probeWasm({
      validate: () => {
        throw new Error('blocked');
      },
    });
    expect(throwing).toEqual({ available: false, detail: 'checking WebAssembly failed: blocked' });
  });

  it('answers for every backend the panel offers', async () => {
    const found = await probeBackends();
    expect(Object.keys(found).sort()).toEqual(['cpu', 'wasm', 'webgl', 'webgpu']);
    expect(found.cpu.available).toBe(true);
    expect(found.wasm.available).toBe(true);
    expect(found.webgl).toEqual({ available: false, detail: 'this browser has no OffscreenCanvas, which WebGL needs inside a worker' });
  });
});
