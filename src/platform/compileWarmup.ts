// Compiles the GPU pipelines of a computation before it first runs, so the first real step does not
// pay for shader compilation one program at a time. On WebGPU, tfjs (4.22) has a compile-only mode
// (env flag WEBGPU_ENGINE_COMPILE_ONLY): ops record no work and create their pipelines with
// createComputePipelineAsync, which the device compiles in parallel; the backend's pipelineCache
// then holds one promise per new program, which we count and await for a "12/40" progress figure.
// Our own WGSL programs (src/gpu) go through runWebGPUProgram too, so they are compiled the same way.
import * as tf from '@tensorflow/tfjs-core';

const COMPILE_ONLY_FLAG = 'WEBGPU_ENGINE_COMPILE_ONLY';

/** The part of tfjs's WebGPUBackend this module uses. */
interface PipelineCachingBackend {
  pipelineCache: Record<string, unknown>;
  checkCompileCompletionAsync(): Promise<void>;
}

export interface CompileProgress {
  done: number;
  total: number;
}

function isPipelineCaching(backend: unknown): backend is PipelineCachingBackend {
  const candidate = backend as Partial<PipelineCachingBackend> | null;
  return (
    typeof candidate?.checkCompileCompletionAsync === 'function' &&
    typeof candidate.pipelineCache === 'object' &&
    candidate.pipelineCache !== null
  );
}

/**
 * Runs each of `passes` with the backend in compile-only mode (the passes must not read tensor
 * values: nothing is computed, and what they write to variables is garbage the caller restores),
 * then waits for every pipeline they started, reporting progress. `between` runs after each pass
 * (e.g. to yield while the view is hidden). Returns the number of new pipelines, 0 when nothing
 * was new, or null when the backend cannot compile ahead.
 */
export async function compileAhead(
  passes: readonly (() => void)[],
  onProgress: (progress: CompileProgress) => void,
  between: () => Promise<void> = async () => undefined,
): Promise<number | null> {
  const backend: unknown = tf.backend();
  if (tf.getBackend() !== 'webgpu' || !isPipelineCaching(backend)) return null;
  for (const pass of passes) {
    tf.env().set(COMPILE_ONLY_FLAG, true);
    try {
      pass();
    } finally {
      tf.env().set(COMPILE_ONLY_FLAG, false);
    }
    await between();
  }
  const pending = Object.values(backend.pipelineCache).filter((entry): entry is Promise<unknown> => entry instanceof Promise);
  const total = pending.length;
  let done = 0;
  onProgress({ done, total });
  await Promise.all(
    pending.map((promise) =>
      promise.then(() => {
        done += 1;
        onProgress({ done, total });
      }),
    ),
  );
  // Swaps the settled promises in the cache for the pipelines, which the real run needs.
  await backend.checkCompileCompletionAsync();
  return total;
}
