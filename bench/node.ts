// The Node (Dawn) half of the benchmark. tfjs-core's own gradient registrations do not load under
// Node's module loader (its ESM build uses directory imports); the Node bundle of tfjs-layers
// registers them all, as the CLI does for training.
import { initNodeWebgpu } from '../src/gpu/nodeWebgpu';
import { runBench, type BenchOptions, type BenchRow } from '../src/gpu/check/benchCases';

export async function runNodeBench(opts: BenchOptions): Promise<{ device: string; rows: BenchRow[] }> {
  await import('@tensorflow/tfjs-layers');
  const { adapter } = await initNodeWebgpu();
  const rows = await runBench(opts, (row) =>
    console.log(`  node ${row.name} ${row.shape}: fused ${row.fusedMs.toFixed(1)} ms, composed ${row.composedMs.toFixed(1)} ms`),
  );
  return { device: adapter, rows };
}
