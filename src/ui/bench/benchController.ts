// Connects the Benchmark panel's buttons to the worker client and the store. One client for the
// page: a run keeps going while another tab is shown, and its rows are there on return.
import type { BenchSuiteOptions } from '../../bench/types';
import { useBenchStore } from '../../state/benchStore';
import { useShellStore } from '../../state/shellStore';
import { BenchClient, createBenchWorker } from './benchClient';

declare global {
  interface Window {
    /** Test hook (read by e2e tests): end the benchmark worker as a crash would. */
    deconvLabBench?: { crashWorker: () => void };
  }
}

let client: BenchClient | null = null;

function benchClient(): BenchClient {
  if (client) return client;
  const dispatch = useBenchStore.getState().dispatch;
  client = new BenchClient(createBenchWorker, {
    onEvent: (event) => {
      dispatch({ type: 'event', event, at: Date.now() });
      // The header's indicator names the backend being measured right now.
      if (event.type === 'progress' && event.device) {
        const { backend, description } = event.device;
        useShellStore.getState().setBackend({
          name: backend,
          reason: `the benchmark is measuring on ${backend}`,
          adapter: backend === 'webgpu' ? description : undefined,
          fellBack: false,
        });
      }
    },
    onLost: (message) => dispatch({ type: 'lost', message, at: Date.now() }),
  });
  const created = client;
  window.deconvLabBench = { crashWorker: () => created.crashForTest() };
  return client;
}

export function startBench(options: BenchSuiteOptions): void {
  useBenchStore.getState().dispatch({ type: 'start', options, at: Date.now() });
  benchClient().run(options);
}

export function cancelBench(): void {
  useBenchStore.getState().dispatch({ type: 'cancel-requested' });
  client?.cancel();
}
