// webgpu Add / Sub / Multiply kernels that take our direct program (channelBroadcastWgsl.ts) when
// one operand is a per-channel vector of the other's last dimension; every other call goes to the
// backend's own kernel, unchanged.
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { channelBroadcastSpec, type ChannelOp } from './channelBroadcastWgsl';
import { runProgram } from './program';

/** True when `vector` holds one value per channel of `full`: shape [C] or [1, …, 1, C], with `full` larger. */
function isChannelVector(vector: TensorInfo, full: TensorInfo): boolean {
  const channels = full.shape[full.shape.length - 1];
  if (full.shape.length < 2 || vector.shape.length < 1 || vector.shape.length > full.shape.length) return false;
  if (vector.shape[vector.shape.length - 1] !== channels) return false;
  return vector.shape.slice(0, -1).every((d) => d === 1) && full.shape.slice(0, -1).some((d) => d > 1);
}

/** Where the direct program applies: which operand is the full tensor, or null. */
export function channelBroadcastPlan(a: TensorInfo, b: TensorInfo): { full: TensorInfo; vector: TensorInfo; vectorFirst: boolean } | null {
  if (a.dtype !== 'float32' || b.dtype !== 'float32') return null;
  if (isChannelVector(b, a)) return { full: a, vector: b, vectorFirst: false };
  if (isChannelVector(a, b)) return { full: b, vector: a, vectorFirst: true };
  return null;
}

export function channelBroadcastKernel(op: ChannelOp, original: KernelFunc): KernelFunc {
  return (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const plan = channelBroadcastPlan(a, b);
    if (!plan) return original(args);
    const spec = channelBroadcastSpec(op, plan.full.shape, plan.vectorFirst);
    return runProgram(args.backend as WebGPUBackend, spec, [plan.full, plan.vector]);
  };
}
