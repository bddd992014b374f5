// BatchMatMul for the wasm backend that keeps XNNPACK busy. tfjs's wasm kernel runs XNNPACK only for
// one matrix pair without transposes and a blocked scalar loop otherwise (every backprop matmul and
// every batched one). Here: transpose operands explicitly, fold a batch of A against a single B into
// one tall product, and run other batches pair by pair through the original kernel's fast path.
import * as tf from '@tensorflow/tfjs-core';
import { attrsOf, BackendOps, backendOf, input } from './backendOps';

/**
 * Work (multiply-adds) below which the original scalar loop is kept. Measured on this machine (Node 20,
 * wasm SIMD, one thread, warm): one product breaks even near 24x24x24, a pair-by-pair batch (which
 * pays a slice and XNNPACK weight packing per pair) between 32^3 and 48^3 per pair.
 */
export const FAST_MATMUL_MIN_WORK = 16_384;
export const FAST_MATMUL_MIN_WORK_PER_PAIR = 65_536;

/** Index into an operand's batch (outer dims, broadcast right-aligned) of output batch `index`. */
export function broadcastBatchIndex(index: number, outOuter: readonly number[], inOuter: readonly number[]): number {
  let rest = index;
  let result = 0;
  let stride = 1;
  for (let d = outOuter.length - 1, e = inOuter.length - 1; d >= 0; d -= 1, e -= 1) {
    const coord = rest % outOuter[d];
    rest = Math.floor(rest / outOuter[d]);
    if (e < 0) continue;
    if (inOuter[e] !== 1) result += coord * stride;
    stride *= inOuter[e];
  }
  return result;
}

/** Wraps the wasm backend's own BatchMatMul (`original`, whose fast path is batch 1, no transposes). */
export function fastBatchMatMul(
  original: tf.KernelFunc,
  backendName = 'wasm',
  minWork = FAST_MATMUL_MIN_WORK,
  minWorkPerPair = FAST_MATMUL_MIN_WORK_PER_PAIR,
): tf.KernelFunc {
  return (args) => {
    const a = input(args.inputs, 'a');
    const b = input(args.inputs, 'b');
    const { transposeA, transposeB } = attrsOf<tf.BatchMatMulAttrs>(args);
    const backend = backendOf(args);
    const ra = a.shape.length;
    const rb = b.shape.length;
    const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
    const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
    const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
    const outerA = a.shape.slice(0, -2);
    const outerB = b.shape.slice(0, -2);
    const batchA = tf.util.sizeFromShape(outerA);
    const batchB = tf.util.sizeFromShape(outerB);
    const outOuter = tf.broadcast_util.assertAndGetBroadcastShape(outerA, outerB);
    // tfjs's kernels compute max(batchA, batchB) products: wrong when both sides broadcast ([2,1] x [1,3]).
    const crossBroadcast = tf.util.sizeFromShape(outOuter) !== Math.max(batchA, batchB);
    const plain = !transposeA && !transposeB && batchA === 1 && batchB === 1;
    const small = batchB === 1 ? batchA * m * n * k < minWork : m * n * k < minWorkPerPair;
    if (a.dtype !== 'float32' || b.dtype !== 'float32' || (!crossBroadcast && (plain || small))) return original(args);
    const outShape = [...outOuter, m, n];
    const ops = new BackendOps(backendName, backend);
    const matmul = (x: tf.TensorInfo, y: tf.TensorInfo, keep = false): tf.TensorInfo => {
      const out = original({ inputs: { a: x, b: y }, backend, attrs: { transposeA: false, transposeB: false } }) as tf.TensorInfo;
      if (!keep) ops.adopt(out);
      return out;
    };
    try {
      // Row-major [batch, m, k] and [batch, k, n] with no transposes left.
      const a3 = transposeA ? ops.transpose(ops.reshape(a, [batchA, k, m]), [0, 2, 1]) : ops.reshape(a, [batchA, m, k]);
      const b3 = transposeB ? ops.transpose(ops.reshape(b, [batchB, n, k]), [0, 2, 1]) : ops.reshape(b, [batchB, k, n]);
      if (batchB === 1) {
        // Every A matrix meets the same B: one [batchA * m, k] x [k, n] product.
        const product = matmul(ops.reshape(a3, [1, batchA * m, k]), b3);
        return ops.run(tf.Reshape, { x: product }, { shape: outShape }, true);
      }
      const batch = tf.util.sizeFromShape(outOuter);
      const bSlices = new Map<number, tf.TensorInfo>(); // one slice (and one packed XNNPACK operator) per B matrix
      const parts: tf.TensorInfo[] = [];
      for (let i = 0; i < batch; i += 1) {
        const ia = broadcastBatchIndex(i, outOuter, outerA);
        const ib = broadcastBatchIndex(i, outOuter, outerB);
        let bi = bSlices.get(ib);
        if (!bi) {
          bi = ops.slice(b3, [ib, 0, 0], [1, k, n]);
          bSlices.set(ib, bi);
        }
        const ai = batchA === 1 ? a3 : ops.slice(a3, [ia, 0, 0], [1, m, k]);
        parts.push(matmul(ai, bi));
      }
      const joined = ops.run(tf.Concat, parts as unknown as tf.NamedTensorInfoMap, { axis: 0 });
      return ops.run(tf.Reshape, { x: joined }, { shape: outShape }, true);
    } finally {
      ops.dispose();
    }
  };
}
