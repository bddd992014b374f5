// Backends of the Node half of `npm run bench`, without tfjs (the flag parser imports this). Node
// has no WebGL; wasm and cpu start through the CLI's src/cli/nodeBackend.ts, webgpu through Dawn.
import type { BenchBackend } from '../src/bench/types';

export type NodeBenchBackend = Exclude<BenchBackend, 'webgl'>;

/** In the order measured when one Node run has them all (--groups, --full): wasm, the CLI's default, first. */
export const NODE_BACKENDS: readonly NodeBenchBackend[] = ['wasm', 'webgpu', 'cpu'];

export function isNodeBackend(backend: BenchBackend): backend is NodeBenchBackend {
  return (NODE_BACKENDS as readonly string[]).includes(backend);
}
