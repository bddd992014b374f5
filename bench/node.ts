// The Node half of `npm run bench`: the suite on the wasm and cpu backends as the CLI starts them
// (src/cli/nodeBackend.ts: XNNPACK and tfjs's cpu kernels, each with our kernels of src/kernels) and
// on Dawn's WebGPU (src/gpu/nodeWebgpu.ts). tfjs-core's own gradient registrations do not load under
// Node's module loader (its ESM build uses directory imports); the Node bundle of tfjs-layers
// registers them all.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describeNodeBackend, initNodeBackend } from '../src/cli/nodeBackend';
import { initNodeWebgpu } from '../src/gpu/nodeWebgpu';
import { registerFastKernels } from '../src/kernels/register';
import { runSuiteReport } from '../src/bench/report';
import type { BenchBackend, BenchReport, BenchRow, BenchSuiteOptions } from '../src/bench/types';
import { isNodeBackend } from './nodeBackends';

export { NODE_BACKENDS, type NodeBenchBackend } from './nodeBackends';

async function useBackend(backend: BenchBackend): Promise<string> {
  if (!isNodeBackend(backend)) throw new Error(`${backend} does not exist under Node`);
  if (backend === 'webgpu') {
    const { adapter } = await initNodeWebgpu();
    if (!(await tf.setBackend('webgpu'))) throw new Error('tf.setBackend("webgpu") failed');
    await tf.ready();
    registerFastKernels('webgpu');
    return `${adapter} (Dawn, Node ${process.version})`;
  }
  await initNodeBackend(backend);
  return `${await describeNodeBackend(backend)}, with the kernels of src/kernels`;
}

export async function runNodeSuite(
  options: BenchSuiteOptions,
  onRow: (row: BenchRow) => void,
  onProgress: (text: string) => void,
): Promise<BenchReport> {
  tf.enableProdMode();
  await import('@tensorflow/tfjs-layers');
  return runSuiteReport(options, 'node', { useBackend, onRow, onProgress, cancelled: () => false });
}
