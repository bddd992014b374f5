// The popover's GPU adapter line: a software adapter (SwiftShader and the like) is named as one,
// whoever reported the adapter (the training worker knows it is a fallback, the benchmark only has its name).
import { softwareRendererName } from '../../platform/backendChoice';
import type { BackendStatus } from '../../state/shellStore';

function measuredMs(status: Pick<BackendStatus, 'calibration'>, backend: string): number | undefined {
  const figure = status.calibration?.figures.find((f) => f.backend === backend);
  return figure && 'ms' in figure ? figure.ms : undefined;
}

/** "GPU adapter: google swiftshader — a software GPU (SwiftShader), slower than WASM here", or undefined without an adapter. */
export function adapterLine(status: Pick<BackendStatus, 'adapter' | 'fallbackAdapter' | 'calibration'>): string | undefined {
  if (!status.adapter) return undefined;
  const software = softwareRendererName(status.adapter) ?? (status.fallbackAdapter ? 'a fallback adapter' : undefined);
  if (!software) return `GPU adapter: ${status.adapter}`;
  const gpuMs = measuredMs(status, 'webgpu');
  const wasmMs = measuredMs(status, 'wasm');
  const comparison =
    gpuMs !== undefined && wasmMs !== undefined && wasmMs < gpuMs
      ? 'slower than WASM here'
      : 'correct, but usually slower than WASM or WebGL';
  return `GPU adapter: ${status.adapter} — a software GPU (${software}), not a graphics card: ${comparison}`;
}
