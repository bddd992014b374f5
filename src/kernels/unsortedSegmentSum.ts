// UnsortedSegmentSum (the gradient of tf.gather) for any backend: one pass over x, accumulating in
// float64 like the cpu backend's Sum does. tfjs's wasm backend has no such kernel.
//   out[segmentIds[i], ...] += x[i, ...];  ids outside [0, numSegments) are dropped (TensorFlow's rule).
import * as tf from '@tensorflow/tfjs-core';
import { attrsOf, backendOf, input, type KernelArgs } from './backendOps';

export function unsortedSegmentSum(args: KernelArgs): tf.TensorInfo {
  const x = input(args.inputs, 'x');
  const segmentIds = input(args.inputs, 'segmentIds');
  const { numSegments } = attrsOf<tf.UnsortedSegmentSumAttrs>(args);
  const backend = backendOf(args);
  const idsRank = segmentIds.shape.length;
  if (segmentIds.shape.some((d, i) => d !== x.shape[i]))
    throw new Error(`UnsortedSegmentSum: segmentIds ${segmentIds.shape.join('x')} is not a prefix of x ${x.shape.join('x')}`);
  const count = tf.util.sizeFromShape(segmentIds.shape);
  const inner = tf.util.sizeFromShape(x.shape.slice(idsRank));
  const values = backend.readSync(x.dataId) as Float32Array | Int32Array;
  const ids = backend.readSync(segmentIds.dataId) as Int32Array;
  const sums = new Float64Array(numSegments * inner);
  for (let i = 0; i < count; i += 1) {
    const segment = ids[i];
    if (segment < 0 || segment >= numSegments) continue;
    const from = i * inner;
    const to = segment * inner;
    for (let j = 0; j < inner; j += 1) sums[to + j] += values[from + j];
  }
  const dtype = x.dtype === 'int32' ? 'int32' : 'float32';
  const shape = [numSegments, ...x.shape.slice(idsRank)];
  const out = dtype === 'int32' ? Int32Array.from(sums) : Float32Array.from(sums);
  return { dataId: backend.write(out, shape, dtype), shape, dtype };
}
