// Backends of the Node half of `npm run bench`, without tfjs (the flag parser imports this).
// `wasm` is not (yet) a BenchBackend of the suite's data contract (src/bench/types.ts, whose UI has
// no wasm entries): the Node runner runs the suite on it unchanged and its rows say 'wasm'.
import type { BenchBackend } from '../src/bench/types';

export type NodeBenchBackend = BenchBackend | 'wasm';

/** In the order measured by default: wasm (XNNPACK + src/kernels) first, as the CLI's default. */
export const NODE_BACKENDS: readonly NodeBenchBackend[] = ['wasm', 'webgpu', 'cpu'];
