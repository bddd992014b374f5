// The webgpu Conv2D kernel with our direct program for inputs of few channels (directConvWgsl.ts);
// every other convolution goes to the backend's own kernel, unchanged.
import * as tf from '@tensorflow/tfjs-core';
import type { Conv2DAttrs, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { DIRECT_CONV_MAX_CHANNELS, directConvSpec, type DirectConvShape } from './directConvWgsl';
import { runProgram } from './program';

type Shape4 = [number, number, number, number];

/** The direct program's geometry for this call, or null when the call is not one it takes. */
export function directConvShape(x: TensorInfo, filter: TensorInfo, attrs: Conv2DAttrs): DirectConvShape | null {
  if (x.dtype !== 'float32' || filter.dtype !== 'float32' || x.shape.length !== 4) return null;
  const layout = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat);
  if (layout !== 'channelsLast') return null;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as Shape4,
    filter.shape as Shape4,
    attrs.strides,
    attrs.dilations,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    layout,
  );
  if (info.inChannels > DIRECT_CONV_MAX_CHANNELS) return null;
  return {
    batch: info.batchSize,
    inHeight: info.inHeight,
    inWidth: info.inWidth,
    inChannels: info.inChannels,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    outChannels: info.outChannels,
    filterHeight: info.filterHeight,
    filterWidth: info.filterWidth,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
    dilationHeight: info.dilationHeight,
    dilationWidth: info.dilationWidth,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
}

/** Conv2D for webgpu: the direct program where it applies, else `original`. */
export function directConv2D(original: KernelFunc): KernelFunc {
  return (args) => {
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const shape = directConvShape(x, filter, args.attrs as unknown as Conv2DAttrs);
    if (!shape) return original(args);
    return runProgram(args.backend as WebGPUBackend, directConvSpec(shape), [x, filter]);
  };
}
