// Conv2DBackpropInput (the input gradient of a convolution) as ONE Conv2D of the same backend. tfjs's
// wasm kernel is a scalar loop: 261 of 452 ms of a vgg-mini batch-norm step (Node, wasm SIMD), while
// its Conv2D runs on XNNPACK.
//
//   dx[n, ih, iw, ci] = sum_{kh, kw, co} dy[n, oh, ow, co] * W[kh, kw, ci, co],  ih = oh*s + kh - top
//
// Spread dy into a zero grid D of (H + kh - 1) x (W + kw - 1) with dy[n, oh, ow] at row
// (kh - 1 - top) + oh*s, column (kw - 1 - left) + ow*s; then dx = conv2d(D, W flipped in both spatial
// axes with ci and co swapped, stride 1, 'valid'). Rows of dy that land outside the grid only reach
// positions outside x and are dropped.
import * as tf from '@tensorflow/tfjs-core';
import { attrsOf, BackendOps, backendOf, input } from './backendOps';

/** Where dy's rows and columns land in the zero grid the flipped filter slides over. */
export interface SpreadGeometry {
  gridHeight: number;
  gridWidth: number;
  /** Grid row of dy's row 0 (may be negative: those rows are dropped). */
  rowOffset: number;
  colOffset: number;
  strideHeight: number;
  strideWidth: number;
}

export function spreadGeometry(info: tf.backend_util.Conv2DInfo): SpreadGeometry {
  return {
    gridHeight: info.inHeight + info.filterHeight - 1,
    gridWidth: info.inWidth + info.filterWidth - 1,
    rowOffset: info.filterHeight - 1 - info.padInfo.top,
    colOffset: info.filterWidth - 1 - info.padInfo.left,
    strideHeight: info.strideHeight,
    strideWidth: info.strideWidth,
  };
}

/** dy [N, OH, OW, C] placed into a zero grid [N, gridHeight, gridWidth, C] as `spreadGeometry` says. */
export function spreadIntoGrid(dy: Float32Array, shape: readonly number[], g: SpreadGeometry): Float32Array {
  const [batch, outHeight, outWidth, channels] = shape;
  const grid = new Float32Array(batch * g.gridHeight * g.gridWidth * channels);
  for (let n = 0; n < batch; n += 1)
    for (let oh = 0; oh < outHeight; oh += 1) {
      const row = g.rowOffset + oh * g.strideHeight;
      if (row < 0 || row >= g.gridHeight) continue;
      for (let ow = 0; ow < outWidth; ow += 1) {
        const col = g.colOffset + ow * g.strideWidth;
        if (col < 0 || col >= g.gridWidth) continue;
        const from = ((n * outHeight + oh) * outWidth + ow) * channels;
        grid.set(dy.subarray(from, from + channels), ((n * g.gridHeight + row) * g.gridWidth + col) * channels);
      }
    }
  return grid;
}

/** The kernel function for `backendName` (which must have Conv2D, Reverse and Transpose kernels). */
export function conv2DBackpropInputViaConv2D(backendName: string): tf.KernelFunc {
  return (args) => {
    const dy = input(args.inputs, 'dy');
    const filter = input(args.inputs, 'filter');
    const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrsOf<tf.Conv2DBackpropInputAttrs>(args);
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast')
      throw new Error(`Conv2DBackpropInput (${backendName}, deconv-lab): only NHWC is supported, got ${dataFormat}`);
    const info = tf.backend_util.computeConv2DInfo(
      inputShape,
      filter.shape as [number, number, number, number],
      strides,
      1,
      pad,
      dimRoundingMode,
      false,
      format,
    );
    if (dy.shape[1] !== info.outHeight || dy.shape[2] !== info.outWidth || dy.shape[3] !== info.outChannels) {
      throw new Error(
        `Conv2DBackpropInput: dy is ${dy.shape.join('x')}, the convolution's output is ${info.outHeight}x${info.outWidth}x${info.outChannels}`,
      );
    }
    const backend = backendOf(args);
    const g = spreadGeometry(info);
    const ops = new BackendOps(backendName, backend);
    try {
      const values = backend.readSync(dy.dataId) as Float32Array;
      const grid = ops.adopt(
        ops.write(spreadIntoGrid(values, dy.shape, g), [info.batchSize, g.gridHeight, g.gridWidth, info.outChannels], 'float32'),
      );
      const flipped = ops.transpose(ops.run(tf.Reverse, { x: filter }, { dims: [0, 1] }), [0, 1, 3, 2]); // [kh, kw, Cout, Cin]
      return ops.run(
        tf.Conv2D,
        { x: grid, filter: flipped },
        { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
        true,
      );
    } finally {
      ops.dispose();
    }
  };
}
