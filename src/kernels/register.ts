// Kernels we register for the tfjs `wasm`, `cpu` and `webgpu` backends: the ones tfjs lacks or runs
// slowly there (the filter and input gradients of a convolution, of max-pooling and of gather, transposed/batched
// matmul; on webgpu the convolution of inputs with few channels).
// Idempotent, so the app, the CLI and the tests may all call it, before or after tf.setBackend: the
// backend's package must be imported first (its own kernels are what we wrap or call).
import * as tf from '@tensorflow/tfjs-core';
import { channelBroadcastKernel } from '../gpu/channelBroadcast';
import { directConv2D } from '../gpu/directConv';
import { fastBatchMatMul } from './batchMatMul';
import { conv2DBackpropFilterViaConv2D } from './conv2dBackpropFilter';
import { conv2DBackpropInputViaConv2D } from './conv2dBackpropInput';
import { installKernel } from './install';
import { maxPoolGradOnHost } from './maxPoolGrad';
import { unsortedSegmentSum } from './unsortedSegmentSum';

function requireKernel(name: string, backend: string, pkg: string): tf.KernelConfig {
  const config = tf.getKernel(name, backend);
  if (!config)
    throw new Error(`registerFastKernels('${backend}'): the ${backend} backend's ${name} kernel is not registered; import '${pkg}' first`);
  return config;
}

/** Registers our kernels for `backend` ('wasm', 'cpu' or 'webgpu'); a no-op for other backends. */
export function registerFastKernels(backend: string): void {
  if (backend === 'wasm') {
    requireKernel(tf.Conv2D, 'wasm', '@tensorflow/tfjs-backend-wasm');
    const matMul = requireKernel(tf.BatchMatMul, 'wasm', '@tensorflow/tfjs-backend-wasm');
    installKernel(tf.BatchMatMul, 'wasm', () => fastBatchMatMul(matMul.kernelFunc));
    installKernel(tf.Conv2DBackpropFilter, 'wasm', () => conv2DBackpropFilterViaConv2D('wasm'));
    // tfjs's wasm kernel is a scalar loop: 261 of 452 ms of a vgg-mini batch-norm step.
    installKernel(tf.Conv2DBackpropInput, 'wasm', () => conv2DBackpropInputViaConv2D('wasm'));
    installKernel(tf.UnsortedSegmentSum, 'wasm', () => unsortedSegmentSum);
    // tfjs's searches the windows around every input position: 13.9 of 67 ms of a simple-cnn BN step.
    installKernel(tf.MaxPoolGrad, 'wasm', () => maxPoolGradOnHost('wasm'));
  } else if (backend === 'cpu') {
    requireKernel(tf.Conv2D, 'cpu', '@tensorflow/tfjs-backend-cpu');
    installKernel(tf.Conv2DBackpropFilter, 'cpu', () => conv2DBackpropFilterViaConv2D('cpu'));
    // tfjs's cpu kernel builds a mask per segment (O(segments x size)): 1.1 s of a deconv simple-cnn step.
    installKernel(tf.UnsortedSegmentSum, 'cpu', () => unsortedSegmentSum);
  } else if (backend === 'webgpu') {
    const conv = requireKernel(tf.Conv2D, 'webgpu', '@tensorflow/tfjs-backend-webgpu');
    // tfjs's tiled program took 2-3 s for simple-cnn's 1-channel first layer on SwiftShader (bench/README.md).
    installKernel(tf.Conv2D, 'webgpu', (original) => directConv2D((original ?? conv).kernelFunc));
    // tfjs stages a per-channel operand behind a workgroup barrier: 0.3-0.8 s per bias add on SwiftShader.
    for (const [name, op] of [
      [tf.Add, 'add'],
      [tf.Sub, 'sub'],
      [tf.Multiply, 'mul'],
    ] as const) {
      const own = requireKernel(name, 'webgpu', '@tensorflow/tfjs-backend-webgpu');
      installKernel(name, 'webgpu', (original) => channelBroadcastKernel(op, (original ?? own).kernelFunc));
    }
  }
}
