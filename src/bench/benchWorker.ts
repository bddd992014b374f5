// Module worker entry of the in-app Benchmark panel: BenchCommand in, BenchEvent out (types.ts).
// Runs the suite (suite.ts) on the requested backends, one after the other, streaming each row.
// A backend that cannot start becomes a note row and the run goes on; 'cancel' stops between cases.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { selectBackend } from '../platform/backend';
import { runSuiteReport } from './report';
import type { BenchBackend, BenchCommand, BenchEvent, BenchSuiteOptions } from './types';

let running = false;
let cancelRequested = false;

function post(event: BenchEvent): void {
  (self as unknown as Worker).postMessage(event);
}

function plainMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || 'an unknown error (no message)';
}

/** Activates `backend` through the app's one backend chooser; fails instead of falling back. */
async function useBackend(backend: BenchBackend): Promise<string> {
  const info = await selectBackend(backend);
  if (info.name !== backend) throw new Error(`it did not start here (${info.reason})`);
  const description =
    backend === 'webgpu'
      ? `${info.adapter ?? 'unknown adapter'}${info.fallbackAdapter ? ' (software adapter)' : ''}`
      : backend === 'wasm'
        ? `wasm (${info.detail ?? 'single thread'})`
        : backend;
  post({ type: 'progress', text: `${backend} is running on ${description}`, device: { backend, description } });
  return description;
}

async function run(options: BenchSuiteOptions): Promise<void> {
  if (running) {
    post({ type: 'error', message: 'A benchmark is already running in this worker.' });
    return;
  }
  running = true;
  cancelRequested = false;
  try {
    const report = await runSuiteReport(
      options,
      'browser',
      {
        useBackend,
        onRow: (row) => post({ type: 'row', row }),
        onProgress: (text) => post({ type: 'progress', text }),
        cancelled: () => cancelRequested,
      },
      self.navigator.userAgent,
    );
    if (cancelRequested) {
      post({ type: 'cancelled' });
      return;
    }
    post({ type: 'done', report });
  } catch (error) {
    post({ type: 'error', message: `The benchmark stopped: ${plainMessage(error)}` });
  } finally {
    running = false;
  }
}

self.onmessage = (event: MessageEvent<BenchCommand>) => {
  const command = event.data;
  if (command.type === 'run') void run(command.options);
  else if (command.type === 'cancel') cancelRequested = true;
};

// Errors that escape the suite (e.g. a lost GPU device) still reach the panel as a sentence.
self.onunhandledrejection = (event: PromiseRejectionEvent) => {
  event.preventDefault();
  post({ type: 'error', message: `The benchmark stopped: ${plainMessage(event.reason)}` });
};
