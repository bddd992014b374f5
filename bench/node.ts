// The Node (Dawn) half of the benchmark. Forward cases only: tfjs-core's gradient registrations
// cannot be loaded by Node's module loader (its ESM build uses directory imports), so the
// composed path has no autograd here; forward+backward runs in Chromium.
import { initNodeWebgpu } from '../src/gpu/nodeWebgpu';
import { runBench, type BenchOptions, type BenchRow } from '../src/gpu/check/benchCases';

export async function runNodeBench(opts: BenchOptions): Promise<{ device: string; rows: BenchRow[]; note: string }> {
  const { adapter } = await initNodeWebgpu();
  const rows = await runBench(opts, (row) =>
    console.log(`  node ${row.name} ${row.shape}: fused ${row.fusedMs.toFixed(1)} ms, composed ${row.composedMs.toFixed(1)} ms`),
  );
  return { device: adapter, rows, note: 'forward only (no tfjs-core gradients under Node)' };
}
