// The CLI's backend names without tfjs, so the entry point's --help loads no tensor library.

export type NodeBackendName = 'wasm' | 'cpu' | 'webgpu';
export const NODE_BACKENDS: readonly NodeBackendName[] = ['wasm', 'cpu', 'webgpu'];
export const DEFAULT_NODE_BACKEND: NodeBackendName = 'wasm';

/** `--backend` text for usage lines. */
export const BACKEND_USAGE = `--backend ${NODE_BACKENDS.join('|')} (default ${DEFAULT_NODE_BACKEND})`;
