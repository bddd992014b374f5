// `isqrt --iters N [--backend wasm|cpu|webgpu]`: reads {"matrices": [[[...]]]} on stdin and writes
// {"isqrt": [...], "sqrt": [...]} on stdout, by N Newton–Schulz steps (docs/algorithm.md §3).
import * as tf from '@tensorflow/tfjs-core';
import { batchedIsqrt } from '../../core/ops';
import { booleanFlag, choiceFlag, numberFlag, parseFlags } from '../flags';
import { processIo, type CliIo } from '../io';
import { parseMatrixStack } from '../matrixInput';
import { BACKEND_USAGE, DEFAULT_NODE_BACKEND, describeNodeBackend, initNodeBackend, NODE_BACKENDS } from '../nodeBackend';
import { CliError } from '../cliError';

const FLAGS = { iters: 'number', backend: 'string', help: 'boolean' } as const;

export const ISQRT_USAGE = `usage: isqrt [--iters N (1-100, default 15)] [${BACKEND_USAGE}] < {"matrices": [[[...]]]}  (a stack of symmetric positive definite matrices of one size)`;

/** float32 results printed with 9 significant digits (enough to round-trip a float32). */
function nested(flat: Float32Array, batch: number, n: number): number[][][] {
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => Number(flat[(b * n + i) * n + j].toPrecision(9)))),
  );
}

export async function run(args: string[], io: CliIo = processIo): Promise<void> {
  const parsed = parseFlags(args, FLAGS);
  if (booleanFlag(parsed, 'help')) {
    io.write(`${ISQRT_USAGE}\n`);
    return;
  }
  if (parsed.positional.length > 0)
    throw new CliError(`isqrt reads its matrices from stdin; unexpected argument "${parsed.positional[0]}"`);
  const iters = numberFlag(parsed, 'iters', { fallback: 15, integer: true, min: 1, max: 100 });
  const backend = choiceFlag(parsed, 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND);
  const stack = parseMatrixStack(await io.readStdin());
  await initNodeBackend(backend);
  io.note(`backend: ${await describeNodeBackend(backend)}\n`);
  const input = tf.tensor3d(Float32Array.from(stack.values), [stack.batch, stack.n, stack.n]);
  const { isqrt, sqrt } = batchedIsqrt(input, iters);
  try {
    const [z, y] = (await Promise.all([isqrt.data(), sqrt.data()])) as Float32Array[];
    io.write(`${JSON.stringify({ isqrt: nested(z, stack.batch, stack.n), sqrt: nested(y, stack.batch, stack.n) })}\n`);
  } finally {
    tf.dispose([input, isqrt, sqrt]);
  }
}
