import { describe, expect, it } from 'vitest';
import {
  calibrationCandidates,
  chooseOrder,
  deviceKey,
  formatCalibration,
  hasHardwareWebGpu,
  softwareGpuName,
  softwareRendererName,
  type Calibration,
  type DeviceProbe,
} from './backendChoice';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/156.0.0.0';
const SWIFTSHADER_GL = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

/** This machine: Chromium's SwiftShader adapter (the flag may be false) and SwiftShader WebGL. */
const swiftShader: DeviceProbe = {
  webgpu: { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: false },
  webglRenderer: SWIFTSHADER_GL,
  userAgent: UA,
};
const hardware: DeviceProbe = {
  webgpu: { vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false },
  webglRenderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  userAgent: UA,
};
const noWebGpu: DeviceProbe = { webgpu: null, webglRenderer: SWIFTSHADER_GL, userAgent: UA };

function measured(figures: Calibration['figures'], cached = false): Calibration {
  return { figures, cached };
}

describe('software GPU detection', () => {
  it('names SwiftShader, llvmpipe and Microsoft Basic Render from renderer strings', () => {
    expect(softwareRendererName(SWIFTSHADER_GL)).toBe('SwiftShader');
    expect(softwareRendererName('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('llvmpipe');
    expect(softwareRendererName('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11)')).toBe('Microsoft Basic Render Driver');
    expect(softwareRendererName('ANGLE (Intel, Intel(R) UHD Graphics 620)')).toBeUndefined();
    expect(softwareRendererName('')).toBeUndefined();
    expect(softwareRendererName(null)).toBeUndefined();
  });

  it('does not trust isFallbackAdapter alone: a SwiftShader adapter reporting false is software', () => {
    expect(hasHardwareWebGpu(swiftShader)).toBe(false);
    expect(softwareGpuName(swiftShader)).toBe('SwiftShader');
  });

  it('treats an unnamed adapter flagged as fallback as software', () => {
    const probe: DeviceProbe = { ...hardware, webgpu: { vendor: '', architecture: '', isFallbackAdapter: true } };
    expect(hasHardwareWebGpu(probe)).toBe(false);
    expect(softwareGpuName(probe)).toBe('a fallback adapter');
  });

  it('falls back to the WebGL renderer when there is no WebGPU adapter', () => {
    expect(softwareGpuName(noWebGpu)).toBe('SwiftShader');
    expect(softwareGpuName({ ...noWebGpu, webglRenderer: 'Apple M2' })).toBeUndefined();
  });
});

describe('calibration candidates', () => {
  it('measures nothing with a hardware WebGPU adapter', () => {
    expect(calibrationCandidates(hardware)).toEqual([]);
  });

  it('measures every GPU backend present and wasm otherwise', () => {
    expect(calibrationCandidates(swiftShader)).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(calibrationCandidates(noWebGpu)).toEqual(['webgl', 'wasm']);
    expect(calibrationCandidates({ ...noWebGpu, webglRenderer: null })).toEqual(['wasm']);
  });
});

describe('chooseOrder', () => {
  it('puts a hardware WebGPU adapter first without measuring', () => {
    const choice = chooseOrder(hardware);
    expect(choice.order).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(choice.reason).toContain('hardware GPU (nvidia ampere)');
    expect(choice.softwareGpu).toBeUndefined();
  });

  it('demotes a software WebGPU adapter below faster backends and says why', () => {
    const choice = chooseOrder(
      swiftShader,
      measured([
        { backend: 'webgpu', ms: 900 },
        { backend: 'webgl', ms: 120 },
        { backend: 'wasm', ms: 40 },
      ]),
    );
    expect(choice.order).toEqual(['wasm', 'webgl', 'webgpu', 'cpu']);
    expect(choice.reason).toBe(
      'software GPU (SwiftShader): WASM is faster on this machine (calibration: wasm 40 ms, webgl 120 ms, webgpu 900 ms)',
    );
    expect(choice.softwareGpu).toBe('SwiftShader');
  });

  it('keeps a software WebGPU adapter first when it measured fastest', () => {
    const choice = chooseOrder(
      swiftShader,
      measured([
        { backend: 'webgpu', ms: 20 },
        { backend: 'webgl', ms: 120 },
        { backend: 'wasm', ms: 40 },
      ]),
    );
    expect(choice.order[0]).toBe('webgpu');
    expect(choice.reason).toMatch(/^software GPU \(SwiftShader\), but WebGPU is still the fastest/);
  });

  it('without WebGPU, picks the faster of WebGL and WASM', () => {
    const wasmWins = chooseOrder(
      noWebGpu,
      measured([
        { backend: 'webgl', ms: 300 },
        { backend: 'wasm', ms: 50 },
      ]),
    );
    expect(wasmWins.order).toEqual(['wasm', 'webgl', 'webgpu', 'cpu']);
    expect(wasmWins.reason).toMatch(/^this browser has no WebGPU, and its WebGL runs on a software GPU \(SwiftShader\): WASM is faster/);
    const hardwareGl = { ...noWebGpu, webglRenderer: 'ANGLE (Intel, Intel(R) Iris Xe)' };
    const webglWins = chooseOrder(
      hardwareGl,
      measured([
        { backend: 'webgl', ms: 8 },
        { backend: 'wasm', ms: 50 },
      ]),
    );
    expect(webglWins.order[0]).toBe('webgl');
    expect(webglWins.reason).toBe('this browser has no WebGPU: WebGL is faster on this machine (calibration: webgl 8.0 ms, wasm 50 ms)');
  });

  it('drops backends that failed to run and keeps CPU last', () => {
    const choice = chooseOrder(
      swiftShader,
      measured([
        { backend: 'webgpu', ms: 900 },
        { backend: 'webgl', error: 'webgl failed to initialise' },
        { backend: 'wasm', error: 'wasm failed: no binary' },
      ]),
    );
    expect(choice.order).toEqual(['webgpu', 'cpu']);
    expect(choice.reason).toContain('webgl did not run (webgl failed to initialise)');
  });

  it('says when the figures come from an earlier visit', () => {
    const choice = chooseOrder(
      swiftShader,
      measured(
        [
          { backend: 'wasm', ms: 40 },
          { backend: 'webgpu', ms: 900 },
        ],
        true,
      ),
    );
    expect(choice.reason).toContain('(calibration from an earlier visit: wasm 40 ms, webgpu 900 ms)');
  });
});

describe('deviceKey and formatCalibration', () => {
  it('keys by adapter, WebGL renderer and user agent', () => {
    expect(deviceKey(swiftShader)).toContain('google swiftshader');
    expect(deviceKey(swiftShader)).toContain('SwiftShader driver');
    expect(deviceKey(swiftShader)).toContain(UA);
    expect(deviceKey(swiftShader)).not.toBe(deviceKey({ ...swiftShader, userAgent: `${UA} Edg/156` }));
    expect(deviceKey(swiftShader)).not.toBe(deviceKey(noWebGpu));
  });

  it('lists timings fastest first, then failures', () => {
    expect(
      formatCalibration([
        { backend: 'webgl', error: 'no context' },
        { backend: 'webgpu', ms: 912.4 },
        { backend: 'wasm', ms: 3.25 },
      ]),
    ).toBe('wasm 3.3 ms, webgpu 912 ms; webgl did not run (no context)');
  });
});
