// Patch mean and covariance as named tfjs kernels for the webgpu backend, with their gradients
// with respect to the input (both through one WGSL gather kernel).
import * as tf from '@tensorflow/tfjs-core';
import type { GradConfig, KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { PATCH_COVARIANCE, PATCH_MEAN, PATCH_STATS_GRAD } from '../core/kernelNames';
import { runProgram } from './program';
import { patchCovarianceSpec, patchMeanSpec, patchStatsGradSpec, type PatchGeometry } from './patchCovWgsl';

interface KernelArgs {
  inputs: NamedTensorInfoMap;
  backend: unknown;
  attrs?: NamedAttrMap;
}

function geometry(attrs: NamedAttrMap | undefined): PatchGeometry {
  const g = {
    kernel: Number(attrs?.kernel),
    samplingStride: Number(attrs?.samplingStride),
    pad: Number(attrs?.pad),
    dilation: Number(attrs?.dilation ?? 1),
  };
  for (const [name, value] of Object.entries(g)) {
    const min = name === 'pad' ? 0 : 1;
    if (!Number.isInteger(value) || value < min)
      throw new Error(`patch statistics: ${name} must be a whole number >= ${min}, got ${value}`);
  }
  return g;
}

function input(inputs: NamedTensorInfoMap, name: string): TensorInfo {
  const t = inputs[name];
  if (!t) throw new Error(`patch statistics: missing input "${name}"`);
  if (t.dtype !== 'float32') throw new Error(`patch statistics need float32 input, got ${t.dtype} for ${name}`);
  return t;
}

function channelsOf(x: TensorInfo): number {
  if (x.shape.length !== 4) throw new Error(`patch statistics expect NHWC [batch, height, width, channels], got [${x.shape.join(', ')}]`);
  return x.shape[3] ?? 0;
}

function mean({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const x = input(inputs, 'x');
  return runProgram(backend as WebGPUBackend, patchMeanSpec(geometry(attrs), channelsOf(x)), [x]);
}

function covariance({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const x = input(inputs, 'x');
  return runProgram(backend as WebGPUBackend, patchCovarianceSpec(geometry(attrs), channelsOf(x)), [x, input(inputs, 'mean')]);
}

function statsGrad({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const x = input(inputs, 'x');
  const spec = patchStatsGradSpec(geometry(attrs), channelsOf(x), x.shape, Boolean(attrs?.withCov));
  return runProgram(
    backend as WebGPUBackend,
    spec,
    ['x', 'mean', 'dMean', 'dCov'].map((name) => input(inputs, name)),
  );
}

export const patchKernelConfigs: KernelConfig[] = [
  { kernelName: PATCH_MEAN, backendName: 'webgpu', kernelFunc: mean },
  { kernelName: PATCH_COVARIANCE, backendName: 'webgpu', kernelFunc: covariance },
  { kernelName: PATCH_STATS_GRAD, backendName: 'webgpu', kernelFunc: statsGrad },
];

function inputGradient(
  x: tf.Tensor,
  meanValue: tf.Tensor,
  dMean: tf.Tensor,
  dCov: tf.Tensor,
  attrs: NamedAttrMap,
  withCov: boolean,
): tf.Tensor {
  return tf.engine().runKernel(PATCH_STATS_GRAD, { x, mean: meanValue, dMean, dCov }, { ...attrs, withCov }) as tf.Tensor;
}

export const patchGradConfigs: GradConfig[] = [
  {
    kernelName: PATCH_MEAN,
    inputsToSave: ['x'],
    outputsToSave: [true],
    gradFunc: (dy, saved, attrs) => {
      const [x, m] = saved;
      // The covariance cotangent is unused (withCov false); a 1x1 placeholder keeps the binding valid.
      return { x: () => inputGradient(x, m, dy as tf.Tensor, tf.zeros([1]), attrs, false) };
    },
  },
  {
    kernelName: PATCH_COVARIANCE,
    inputsToSave: ['x', 'mean'],
    gradFunc: (dy, saved, attrs) => {
      const [x, m] = saved;
      return {
        x: () => inputGradient(x, m, tf.zerosLike(m), dy as tf.Tensor, attrs, true),
        // The mean passed in is the patches' own mean, so d cov / d mean = -2 sym(G) sum(X - mean) / M = 0.
        mean: () => tf.zerosLike(m),
      };
    },
  },
];
