// The backend choice as a pure function: what the device reports (WebGPU adapter, WebGL renderer)
// and, when there is no hardware WebGPU, the calibration figures -> the order to try and a reason.
// No tfjs and no browser APIs here, so every branch is unit-tested (backendChoice.test.ts).
import { backendDisplayName, type BackendName } from './backendName';

/** GPUAdapterInfo fields (plus the older adapter-level isFallbackAdapter, copied in by the probe). */
export interface AdapterInfo {
  vendor?: string;
  architecture?: string;
  description?: string;
  device?: string;
  isFallbackAdapter?: boolean;
}

export interface DeviceProbe {
  /** The WebGPU adapter's info, or null when there is no navigator.gpu or no adapter. */
  webgpu: AdapterInfo | null;
  /** Unmasked WebGL renderer (e.g. "ANGLE (..., SwiftShader driver)"), "" when hidden, null without WebGL. */
  webglRenderer: string | null;
  userAgent: string;
}

/** One backend's calibration: the workload's time in ms, or why it could not run. */
export type CalibrationFigure = { backend: BackendName; ms: number } | { backend: BackendName; error: string };

export interface Calibration {
  figures: CalibrationFigure[];
  /** True when the figures come from an earlier visit (IndexedDB), not from this start. */
  cached: boolean;
}

export interface BackendOrder {
  /** Backends to try, first the fastest; always ends with cpu. */
  order: BackendName[];
  reason: string;
  /** Name of the software GPU when one was detected (WebGPU adapter or WebGL renderer), e.g. "SwiftShader". */
  softwareGpu?: string;
}

const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/softpipe/i, 'softpipe'],
  [/microsoft basic render/i, 'Microsoft Basic Render Driver'],
  [/\bwarp\b/i, 'WARP'],
];

/** "SwiftShader", "llvmpipe", ... when `text` names a software rasteriser. */
export function softwareRendererName(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  return SOFTWARE_RENDERERS.find(([pattern]) => pattern.test(text))?.[1];
}

/** "google swiftshader": the adapter as one readable string ("unknown adapter" when it says nothing). */
export function describeAdapter(info: AdapterInfo): string {
  return [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
}

/** The software WebGPU adapter's name (by its info, or "a fallback adapter"), else undefined. */
export function softwareAdapterName(info: AdapterInfo | null): string | undefined {
  if (!info) return undefined;
  return softwareRendererName(describeAdapter(info)) ?? (info.isFallbackAdapter ? 'a fallback adapter' : undefined);
}

/** The software GPU this device would compute on: its WebGPU adapter, else its WebGL renderer. */
export function softwareGpuName(probe: DeviceProbe): string | undefined {
  return softwareAdapterName(probe.webgpu) ?? (probe.webgpu ? undefined : softwareRendererName(probe.webglRenderer));
}

export function hasHardwareWebGpu(probe: DeviceProbe): boolean {
  return probe.webgpu !== null && softwareAdapterName(probe.webgpu) === undefined;
}

/** Backends to time on this device: none with a hardware WebGPU adapter (it wins), else the GPU ones present and wasm. */
export function calibrationCandidates(probe: DeviceProbe): BackendName[] {
  if (hasHardwareWebGpu(probe)) return [];
  const out: BackendName[] = [];
  if (probe.webgpu) out.push('webgpu');
  if (probe.webglRenderer !== null) out.push('webgl');
  out.push('wasm');
  return out;
}

/** Cache key of a device's calibration: its GPU as the browser reports it, and the browser. */
export function deviceKey(probe: DeviceProbe): string {
  const webgpu = probe.webgpu ? `${describeAdapter(probe.webgpu)}${probe.webgpu.isFallbackAdapter ? ' (fallback)' : ''}` : 'none';
  const webgl = probe.webglRenderer ?? 'none';
  return `v1|webgpu:${webgpu}|webgl:${webgl}|${probe.userAgent}`;
}

function formatMs(ms: number): string {
  return `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
}

/** "wasm 40 ms, webgl 120 ms, webgpu 900 ms; webgl did not run (...)" sorted fastest first. */
export function formatCalibration(figures: readonly CalibrationFigure[]): string {
  const timed = figures.filter((f): f is Extract<CalibrationFigure, { ms: number }> => 'ms' in f).sort((a, b) => a.ms - b.ms);
  const failed = figures.filter((f): f is Extract<CalibrationFigure, { error: string }> => 'error' in f);
  const parts = timed.map((f) => `${f.backend} ${formatMs(f.ms)}`);
  const failures = failed.map((f) => `${f.backend} did not run (${f.error})`);
  return [parts.join(', '), ...failures].filter(Boolean).join('; ');
}

const HARDWARE_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

function calibrationNote(calibration: Calibration): string {
  return `(calibration${calibration.cached ? ' from an earlier visit' : ''}: ${formatCalibration(calibration.figures)})`;
}

/**
 * The order to try backends in, fastest first, and the sentence saying why. A hardware WebGPU
 * adapter goes first without measuring; otherwise the calibration decides, so a software WebGPU
 * adapter (or a software WebGL) drops below whatever ran the workload faster. CPU is always last.
 */
export function chooseOrder(probe: DeviceProbe, calibration?: Calibration): BackendOrder {
  const softwareGpu = softwareGpuName(probe);
  if (hasHardwareWebGpu(probe) && probe.webgpu) {
    return {
      order: [...HARDWARE_ORDER],
      reason: `WebGPU runs on a hardware GPU (${describeAdapter(probe.webgpu)}): fused WGSL kernels run the deconvolution`,
    };
  }
  const figures = calibration?.figures ?? [];
  const timed = figures.filter((f): f is Extract<CalibrationFigure, { ms: number }> => 'ms' in f).sort((a, b) => a.ms - b.ms);
  const failed = new Set(figures.filter((f) => 'error' in f).map((f) => f.backend));
  const measured = timed.map((f) => f.backend);
  const rest = HARDWARE_ORDER.filter((name) => name !== 'cpu' && !measured.includes(name) && !failed.has(name));
  const order: BackendName[] = [...measured, ...rest, 'cpu'];
  const first = order[0];
  const label = backendDisplayName(first);
  const note = calibration ? ` ${calibrationNote(calibration)}` : '';
  const context = probe.webgpu
    ? `software GPU (${softwareGpu ?? 'unknown'})`
    : softwareGpu
      ? `this browser has no WebGPU, and its WebGL runs on a software GPU (${softwareGpu})`
      : 'this browser has no WebGPU';
  let verdict: string;
  if (measured.length === 0) verdict = `${label} is the first backend left to try`;
  else if (first === 'webgpu') verdict = `but ${label} is still the fastest on this machine`;
  else if (measured.length === 1) verdict = `${label} is the only fast backend that ran here`;
  else verdict = `${label} is faster on this machine`;
  return { order, reason: `${context}${verdict.startsWith('but ') ? ',' : ':'} ${verdict}${note}`, softwareGpu };
}
