// Registers the fused WGSL kernels (and the gradient of the fused ops) for the webgpu backend.
// Idempotent, so the app, the CLI and the tests may all call it.
import * as tf from '@tensorflow/tfjs-core';
import { isqrtGradConfig, isqrtKernelConfigs } from './isqrtKernel';
import { patchKernelConfigs, patchGradConfigs } from './patchCovKernel';

export function registerFusedKernels(): void {
  for (const config of [...isqrtKernelConfigs, ...patchKernelConfigs]) {
    if (!tf.getKernel(config.kernelName, config.backendName)) tf.registerKernel(config);
  }
  for (const config of [isqrtGradConfig, ...patchGradConfigs]) {
    if (!tf.getGradient(config.kernelName)) tf.registerGradient(config);
  }
}
