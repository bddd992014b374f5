// The batched inverse square root as named tfjs kernels for the webgpu backend, with the
// gradient registered for the forward op. Small matrices run in one dispatch per direction;
// larger ones take the tiled path.
import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, KernelConfig, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { BATCHED_ISQRT, BATCHED_ISQRT_GRAD } from '../core/kernelNames';
import { runProgram, takeSlot } from './program';
import { fitsOneWorkgroup, smallBackwardSpec, smallForwardSpec } from './isqrtSmallWgsl';
import { tiledIsqrtBackward, tiledIsqrtForward } from './isqrtTiled';

function checkedShape(cov: TensorInfo, attrs: NamedAttrMap): { batch: number; n: number; iters: number } {
  const iters = Number(attrs.iters);
  if (cov.shape.length !== 3 || cov.shape[1] !== cov.shape[2]) {
    throw new Error(`batched inverse square root expects [batch, n, n], got [${cov.shape.join(', ')}]`);
  }
  if (!Number.isInteger(iters) || iters < 0) throw new Error(`iterations must be a whole number >= 0, got ${attrs.iters}`);
  if (cov.dtype !== 'float32') throw new Error(`batched inverse square root needs float32, got ${cov.dtype}`);
  return { batch: cov.shape[0], n: cov.shape[1], iters };
}

function input(inputs: tf.NamedTensorInfoMap, name: string): TensorInfo {
  const t = inputs[name];
  if (!t) throw new Error(`fused kernel: missing input "${name}"`);
  return t;
}

function forward(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: NamedAttrMap }): TensorInfo[] {
  const backend = args.backend as WebGPUBackend;
  const cov = input(args.inputs, 'cov');
  const { batch, n, iters } = checkedShape(cov, args.attrs ?? {});
  const stacked = fitsOneWorkgroup(n)
    ? runProgram(backend, smallForwardSpec(batch, n, iters), [cov])
    : tiledIsqrtForward(backend, cov, iters);
  const isqrt = takeSlot(backend, stacked, 0);
  const sqrt = takeSlot(backend, stacked, 1);
  backend.disposeData(stacked.dataId);
  return [isqrt, sqrt];
}

function backward(args: { inputs: tf.NamedTensorInfoMap; backend: unknown; attrs?: NamedAttrMap }): TensorInfo {
  const backend = args.backend as WebGPUBackend;
  const [cov, dIsqrt, dSqrt] = ['cov', 'dIsqrt', 'dSqrt'].map((name) => input(args.inputs, name)) as [TensorInfo, TensorInfo, TensorInfo];
  const { batch, n, iters } = checkedShape(cov, args.attrs ?? {});
  if (!fitsOneWorkgroup(n)) return tiledIsqrtBackward(backend, cov, dIsqrt, dSqrt, iters);
  const stacked = runProgram(backend, smallBackwardSpec(batch, n, iters), [cov, dIsqrt, dSqrt]);
  const grad = takeSlot(backend, stacked, 0);
  backend.disposeData(stacked.dataId);
  return grad;
}

export const isqrtKernelConfigs: KernelConfig[] = [
  { kernelName: BATCHED_ISQRT, backendName: 'webgpu', kernelFunc: forward },
  { kernelName: BATCHED_ISQRT_GRAD, backendName: 'webgpu', kernelFunc: backward },
];

export const isqrtGradConfig: GradConfig = {
  kernelName: BATCHED_ISQRT,
  inputsToSave: ['cov'],
  gradFunc: (dy, saved, attrs) => {
    const [dIsqrt, dSqrt] = dy as tf.Tensor[];
    const [cov] = saved;
    return {
      cov: () => tf.engine().runKernel(BATCHED_ISQRT_GRAD, { cov, dIsqrt, dSqrt }, attrs) as tf.Tensor,
    };
  },
};
