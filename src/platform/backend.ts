// The one place that decides which tfjs backend runs. Order: WebGPU on a hardware adapter, then
// WebGL, WASM, CPU, fastest first on this device: without a hardware WebGPU adapter a short
// calibration (cached per device) times each candidate, so a software GPU (SwiftShader) drops
// below whatever is faster here. Callers get the name and a sentence saying why.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { registerFastKernels } from '../kernels/register';
import {
  calibrationCandidates,
  chooseOrder,
  describeAdapter,
  deviceKey,
  softwareAdapterName,
  softwareGpuName,
  type Calibration,
  type CalibrationFigure,
  type DeviceProbe,
} from './backendChoice';
import { BACKEND_NAMES, backendDisplayName, parseBackendName, type BackendName } from './backendName';
import { probeDevice } from './backendProbe';
import { cachedCalibration, webLockExclusive } from './calibrationCache';
import { indexedDbCalibrationStore } from './calibrationStore';
import { timeWorkload } from './calibrationWorkload';
import { loadWasmBackend, wasmDetail } from './wasmBackend';

export type { BackendName };
export { parseBackendName };

export interface BackendInfo {
  name: BackendName;
  /** Why this backend runs, in a sentence a user can read. */
  reason: string;
  /** GPU adapter description when WebGPU runs (vendor / architecture), e.g. "google swiftshader". */
  adapter?: string;
  /** True when WebGPU runs on a software adapter (SwiftShader): correct but slow. */
  fallbackAdapter?: boolean;
  /** True when this device's GPU (WebGPU adapter, else WebGL renderer) is a software rasteriser. */
  software?: boolean;
  /** That software GPU's name, e.g. "SwiftShader". */
  softwareGpu?: string;
  /** The timings behind an automatic choice (absent with a hardware WebGPU adapter or a forced backend). */
  calibration?: Calibration;
  /** How the backend runs, e.g. "SIMD, 2 threads" for wasm. */
  detail?: string;
}

export const BACKEND_PREFERENCE: readonly BackendName[] = BACKEND_NAMES;

export interface SelectOptions {
  /** Progress sentences while calibrating ("measuring WASM (once on this device)"). */
  onProgress?: (text: string) => void;
}

const CALIBRATION_LOCK = 'deconv-lab-backend-calibration';

async function loadBackend(name: BackendName): Promise<void> {
  if (name === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
    const { registerFusedKernels } = await import('../gpu/register');
    registerFusedKernels();
  } else if (name === 'webgl') {
    await import('@tensorflow/tfjs-backend-webgl');
  } else if (name === 'wasm') {
    await loadWasmBackend();
  }
}

/** Activates `name`; undefined when it runs, else why not. */
async function tryBackend(name: BackendName): Promise<string | undefined> {
  try {
    if (name === 'webgpu' && !(globalThis.navigator as { gpu?: unknown } | undefined)?.gpu) {
      return 'this browser has no WebGPU (navigator.gpu is missing)';
    }
    await loadBackend(name);
    const ok = await tf.setBackend(name);
    if (!ok) return name === 'webgpu' ? 'no WebGPU adapter was granted' : `${name} failed to initialise`;
    await tf.ready();
    registerFastKernels(name);
    return undefined;
  } catch (error) {
    return `${name} failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

interface EngineRegistry {
  registry: Record<string, unknown>;
  registryFactory: Record<string, { factory: () => tf.KernelBackend | Promise<tf.KernelBackend>; priority: number } | undefined>;
}

/** Frees the GPU contexts / wasm memory the calibration started, keeping each backend startable. */
function releaseOthers(keep: BackendName): void {
  const engine = tf.engine() as unknown as EngineRegistry;
  for (const name of BACKEND_NAMES) {
    const entry = engine.registryFactory[name];
    if (name === keep || name === 'cpu' || !entry || !(name in engine.registry)) continue;
    try {
      tf.removeBackend(name);
      tf.registerBackend(name, entry.factory, entry.priority);
    } catch {
      // Left running: costs memory, not correctness.
    }
  }
}

async function measure(candidates: readonly BackendName[], onProgress?: (text: string) => void): Promise<CalibrationFigure[]> {
  const figures: CalibrationFigure[] = [];
  for (const name of candidates) {
    onProgress?.(`measuring ${backendDisplayName(name)} (once on this device)`);
    const failure = await tryBackend(name);
    if (failure !== undefined) {
      figures.push({ backend: name, error: failure });
      continue;
    }
    try {
      figures.push({ backend: name, ms: await timeWorkload() });
    } catch (error) {
      figures.push({ backend: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return figures;
}

async function describe(name: BackendName, reason: string, probe: DeviceProbe, calibration?: Calibration): Promise<BackendInfo> {
  const softwareGpu = softwareGpuName(probe);
  const info: BackendInfo = { name, reason, software: softwareGpu !== undefined, softwareGpu, calibration };
  if (name === 'webgpu' && probe.webgpu) {
    info.adapter = describeAdapter(probe.webgpu);
    info.fallbackAdapter = softwareAdapterName(probe.webgpu) !== undefined;
  }
  if (name === 'wasm') info.detail = await wasmDetail().catch(() => undefined);
  return info;
}

async function startFirst(
  order: readonly BackendName[],
  probe: DeviceProbe,
  firstReason: string,
  calibration?: Calibration,
): Promise<BackendInfo> {
  const failures: string[] = [];
  for (const name of order) {
    const failure = await tryBackend(name);
    if (failure === undefined) {
      // Only what the calibration started: a forced choice (the benchmark switches back and forth) keeps its backends.
      if (calibration && !calibration.cached) releaseOthers(name);
      const reason = name === order[0] ? firstReason : `fell back to ${name}: ${failures.join('; ')}`;
      return describe(name, reason, probe, calibration);
    }
    failures.push(failure);
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}

function forcedReason(forced: BackendName, probe: DeviceProbe): string {
  const software = forced === 'webgpu' ? softwareAdapterName(probe.webgpu) : undefined;
  return software
    ? `${forced} was requested explicitly (software GPU: ${software}, correct but slow)`
    : `${forced} was requested explicitly`;
}

/**
 * Starts the fastest backend of this device, or `forced` (from `?backend=` in the URL, the
 * Training tab's backend setting or the benchmark) which skips the others, still falling back to
 * CPU if it fails.
 */
export async function selectBackend(forced?: BackendName, options: SelectOptions = {}): Promise<BackendInfo> {
  const probe = await probeDevice();
  if (forced) {
    return startFirst(forced === 'cpu' ? ['cpu'] : [forced, 'cpu'], probe, forcedReason(forced, probe));
  }
  const candidates = calibrationCandidates(probe);
  const calibration =
    candidates.length === 0
      ? undefined
      : await cachedCalibration(deviceKey(probe), indexedDbCalibrationStore(), () => measure(candidates, options.onProgress), {
          exclusive: webLockExclusive(CALIBRATION_LOCK),
        });
  const choice = chooseOrder(probe, calibration);
  return startFirst(choice.order, probe, choice.reason, calibration);
}
