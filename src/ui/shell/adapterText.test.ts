import { describe, expect, it } from 'vitest';
import { adapterLine } from './adapterText';

describe('the GPU adapter line', () => {
  it('names SwiftShader as a software GPU even when only the adapter name is known', () => {
    expect(adapterLine({ adapter: 'google swiftshader' })).toBe(
      'GPU adapter: google swiftshader — a software GPU (SwiftShader), not a graphics card: correct, but usually slower than WASM or WebGL',
    );
  });

  it('says "slower than WASM here" when the calibration measured it', () => {
    const calibration = {
      cached: false,
      figures: [
        { backend: 'wasm' as const, ms: 40 },
        { backend: 'webgpu' as const, ms: 900 },
      ],
    };
    expect(adapterLine({ adapter: 'google swiftshader', calibration })).toMatch(/software GPU \(SwiftShader\).*slower than WASM here$/);
  });

  it('names a fallback adapter whose name says nothing', () => {
    expect(adapterLine({ adapter: 'unknown adapter', fallbackAdapter: true })).toMatch(/software GPU \(a fallback adapter\)/);
  });

  it('leaves a hardware adapter as it is, and says nothing without one', () => {
    expect(adapterLine({ adapter: 'nvidia ampere' })).toBe('GPU adapter: nvidia ampere');
    expect(adapterLine({})).toBeUndefined();
  });
});
