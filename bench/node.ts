// The Node half of `npm run bench`: the suite on the wasm backend (XNNPACK with our kernels from
// src/kernels, the CLI's default), on Dawn's WebGPU (src/gpu/nodeWebgpu.ts) and on the tfjs cpu
// backend (with our cpu kernels, as the app registers them). tfjs-core's own gradient registrations
// do not load under Node's module loader (its ESM build uses directory imports); the Node bundle of
// tfjs-layers registers them all.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { initNodeWebgpu } from '../src/gpu/nodeWebgpu';
import { registerFastKernels } from '../src/kernels/register';
import { runSuiteReport } from '../src/bench/report';
import type { BenchBackend, BenchReport, BenchRow, BenchSuiteOptions } from '../src/bench/types';
import type { NodeBenchBackend } from './nodeBackends';

export { NODE_BACKENDS, type NodeBenchBackend } from './nodeBackends';

/** The suite's options with Node's backends (which may include wasm). */
export type NodeSuiteOptions = Omit<BenchSuiteOptions, 'backends'> & { backends: NodeBenchBackend[] };

async function useBackend(backend: NodeBenchBackend): Promise<string> {
  if (backend === 'webgpu') {
    const { adapter } = await initNodeWebgpu();
    if (!(await tf.setBackend('webgpu'))) throw new Error('tf.setBackend("webgpu") failed');
    await tf.ready();
    return `${adapter} (Dawn, Node ${process.version})`;
  }
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") failed');
    await tf.ready();
    registerFastKernels('wasm');
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    return `tfjs wasm backend (XNNPACK${simd ? ', SIMD' : ''}, ${wasm.getThreadsCount()} thread(s), kernels of src/kernels; Node ${process.version})`;
  }
  if (backend === 'cpu') {
    if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs cpu backend could not start');
    await tf.ready();
    registerFastKernels('cpu');
    return `tfjs cpu backend (Node ${process.version}, one thread, kernels of src/kernels)`;
  }
  throw new Error(`${backend} does not exist under Node`);
}

export async function runNodeSuite(options: NodeSuiteOptions, onRow: (row: BenchRow) => void, onProgress: (text: string) => void): Promise<BenchReport> {
  tf.enableProdMode();
  await import('@tensorflow/tfjs-layers');
  // The suite treats backend names as opaque labels; 'wasm' rows carry 'wasm' (see nodeBackends.ts).
  const suiteOptions = options as unknown as BenchSuiteOptions;
  return runSuiteReport(suiteOptions, 'node', { useBackend: (b: BenchBackend) => useBackend(b), onRow, onProgress, cancelled: () => false });
}
