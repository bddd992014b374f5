// Conv2DBackpropFilter (the weight gradient of a convolution) as ONE Conv2D of the same backend on
// transposed tensors. tfjs's wasm backend has no such kernel (tfjs#8474) and the cpu backend's is a
// scalar loop (17 of 26 s of a simple-cnn step).
//
//   dW[kh, kw, ci, co] = sum_{n, oh, ow} x[n, oh*s + kh - top, ow*s + kw - left, ci] * dy[n, oh, ow, co]
//
// is a convolution whose batch is ci, whose input channels are n and whose filter is dy, dilated by
// the stride s:  X' = x as [C, H, W, N],  F' = dy as [OH, OW, N, Cout],  conv2d(X', F', stride 1,
// dilation s, padding top / left and whatever bottom / right makes the output exactly kh x kw)
// = dW as [C, kh, kw, Cout]. Rows and columns of x that no output reads are sliced off first.
import * as tf from '@tensorflow/tfjs-core';
import { attrsOf, BackendOps, backendOf, input } from './backendOps';

/** Padding and input crop that make the transposed convolution's output exactly the filter size. */
export interface FilterGradGeometry {
  /** Rows / columns of x (from the top / left) that some output reads. */
  usedHeight: number;
  usedWidth: number;
  pad: [[number, number], [number, number], [number, number], [number, number]];
  dilations: [number, number];
}

export function filterGradGeometry(info: tf.backend_util.Conv2DInfo): FilterGradGeometry {
  const { inHeight, inWidth, outHeight, outWidth, filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
  // Padded extent the dilated dy must sweep for a filterHeight-row output: (OH - 1) * s + kh.
  const spanH = (outHeight - 1) * strideHeight + filterHeight;
  const spanW = (outWidth - 1) * strideWidth + filterWidth;
  const usedHeight = Math.min(inHeight, spanH - padInfo.top);
  const usedWidth = Math.min(inWidth, spanW - padInfo.left);
  return {
    usedHeight,
    usedWidth,
    pad: [
      [0, 0],
      [padInfo.top, spanH - padInfo.top - usedHeight],
      [padInfo.left, spanW - padInfo.left - usedWidth],
      [0, 0],
    ],
    dilations: [strideHeight, strideWidth],
  };
}

/** The kernel function for `backendName` (which must have Conv2D, Transpose and Slice kernels). */
export function conv2DBackpropFilterViaConv2D(backendName: string): tf.KernelFunc {
  return (args) => {
    const x = input(args.inputs, 'x');
    const dy = input(args.inputs, 'dy');
    const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrsOf<tf.Conv2DBackpropFilterAttrs>(args);
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast')
      throw new Error(`Conv2DBackpropFilter (${backendName}, deconv-lab): only NHWC is supported, got ${dataFormat}`);
    const info = tf.backend_util.computeConv2DInfo(
      x.shape as [number, number, number, number],
      filterShape,
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    if (dy.shape[1] !== info.outHeight || dy.shape[2] !== info.outWidth) {
      throw new Error(`Conv2DBackpropFilter: dy is ${dy.shape.join('x')}, the convolution's output is ${info.outHeight}x${info.outWidth}`);
    }
    const g = filterGradGeometry(info);
    const ops = new BackendOps(backendName, backendOf(args));
    try {
      let xt = ops.transpose(x, [3, 1, 2, 0]); // [C, H, W, N]
      if (g.usedHeight < info.inHeight || g.usedWidth < info.inWidth)
        xt = ops.slice(xt, [0, 0, 0, 0], [info.inChannels, g.usedHeight, g.usedWidth, info.batchSize]);
      const dyt = ops.transpose(dy, [1, 2, 0, 3]); // [OH, OW, N, Cout]
      const grad = ops.run(tf.Conv2D, { x: xt, filter: dyt }, { strides: [1, 1], pad: g.pad, dataFormat: 'NHWC', dilations: g.dilations }); // [C, kh, kw, Cout]
      return ops.run(tf.Transpose, { x: grad }, { perm: [1, 2, 0, 3] }, true);
    } finally {
      ops.dispose();
    }
  };
}
