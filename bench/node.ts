// The Node half of `npm run bench`: the suite on Dawn's WebGPU (src/gpu/nodeWebgpu.ts) and on the
// tfjs cpu backend. tfjs-core's own gradient registrations do not load under Node's module loader
// (its ESM build uses directory imports); the Node bundle of tfjs-layers registers them all.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { initNodeWebgpu } from '../src/gpu/nodeWebgpu';
import { runSuiteReport } from '../src/bench/report';
import type { BenchBackend, BenchReport, BenchRow, BenchSuiteOptions } from '../src/bench/types';

export const NODE_BACKENDS: readonly BenchBackend[] = ['webgpu', 'cpu'];

async function useBackend(backend: BenchBackend): Promise<string> {
  if (backend === 'webgpu') {
    const { adapter } = await initNodeWebgpu();
    if (!(await tf.setBackend('webgpu'))) throw new Error('tf.setBackend("webgpu") failed');
    await tf.ready();
    return `${adapter} (Dawn, Node ${process.version})`;
  }
  if (backend === 'cpu') {
    if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs cpu backend could not start');
    await tf.ready();
    return `tfjs cpu backend (Node ${process.version}, one thread)`;
  }
  throw new Error(`${backend} does not exist under Node`);
}

export async function runNodeSuite(options: BenchSuiteOptions, onRow: (row: BenchRow) => void, onProgress: (text: string) => void): Promise<BenchReport> {
  tf.enableProdMode();
  await import('@tensorflow/tfjs-layers');
  return runSuiteReport(options, 'node', { useBackend, onRow, onProgress, cancelled: () => false });
}
