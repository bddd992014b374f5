// Entry of bench.html (served by Vite's dev server to headless Chromium by bench/browser.ts):
// runs the suite on the backends it is asked for, switching with the app's own backend choice
// (src/platform/backend.ts), and streams rows and progress to the runner through the console.
// tfjs-core first: its index registers the environment flags that registering gradients reads.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { selectBackend } from '../src/platform/backend';
import { runSuiteReport } from '../src/bench/report';
import type { BenchBackend, BenchReport, BenchSuiteOptions } from '../src/bench/types';

export const ROW_PREFIX = '[bench-row] ';
export const PROGRESS_PREFIX = '[bench] ';

function webglRenderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'WebGL 2';
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}

async function useBackend(backend: BenchBackend): Promise<string> {
  const info = await selectBackend(backend);
  if (info.name !== backend) throw new Error(info.reason);
  if (backend === 'webgpu') return `${info.adapter ?? 'unknown adapter'}${info.fallbackAdapter ? ' (software fallback adapter)' : ''}`;
  if (backend === 'webgl') return webglRenderer();
  if (backend === 'wasm')
    return `tfjs wasm backend (XNNPACK, ${info.detail ?? 'single thread'}, bundled binaries, with the kernels of src/kernels)`;
  return 'tfjs cpu backend (JavaScript, one thread, with the kernels of src/kernels)';
}

async function run(options: BenchSuiteOptions): Promise<BenchReport> {
  return runSuiteReport(
    options,
    'chromium',
    {
      useBackend,
      onRow: (row) => console.log(ROW_PREFIX + JSON.stringify(row)),
      onProgress: (text) => console.log(PROGRESS_PREFIX + text),
      cancelled: () => false,
    },
    navigator.userAgent,
  );
}

const api = { run };
export type BenchPageApi = typeof api;
(window as Window & { deconvBench?: BenchPageApi }).deconvBench = api;
const status = document.getElementById('status');
if (status) status.textContent = 'ready';
