// MaxPoolGrad in one pass over the pooling windows: each window sends its dy to the LAST position holding
// its maximum in row-major window order, the tie rule of tfjs's wasm kernel (its cpu kernel takes the first),
// so training on wasm is unchanged where ReLU leaves ties.
// tfjs's wasm kernel visits every input position and searches the windows covering it: 13.9 of 67 ms of a
// simple-cnn batch-norm step on wasm, for work that is one read per window tap.
import * as tf from '@tensorflow/tfjs-core';
import { attrsOf, BackendOps, backendOf, input } from './backendOps';

/** dx for NHWC x and dy, given the pooling geometry. */
export function maxPoolGradValues(x: Float32Array, dy: Float32Array, info: tf.backend_util.Conv2DInfo): Float32Array {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { effectiveFilterHeight: spanH, effectiveFilterWidth: spanW, dilationHeight, dilationWidth } = info;
  const dx = new Float32Array(batchSize * inHeight * inWidth * channels);
  // Channels innermost (contiguous in NHWC): each window keeps a running maximum per channel.
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  for (let b = 0; b < batchSize; b += 1)
    for (let oh = 0; oh < outHeight; oh += 1) {
      const top = oh * strideHeight - info.padInfo.top;
      for (let ow = 0; ow < outWidth; ow += 1) {
        const left = ow * strideWidth - info.padInfo.left;
        for (let c = 0; c < channels; c += 1) {
          best[c] = -Infinity;
          at[c] = -1;
        }
        for (let r = top; r < top + spanH; r += dilationHeight) {
          if (r < 0 || r >= inHeight) continue;
          for (let col = left; col < left + spanW; col += dilationWidth) {
            if (col < 0 || col >= inWidth) continue;
            const base = ((b * inHeight + r) * inWidth + col) * channels;
            for (let c = 0; c < channels; c += 1) {
              const v = x[base + c];
              if (v >= best[c]) {
                best[c] = v;
                at[c] = base + c;
              }
            }
          }
        }
        const dyBase = ((b * outHeight + oh) * outWidth + ow) * channels;
        for (let c = 0; c < channels; c += 1) if (at[c] >= 0) dx[at[c]] += dy[dyBase + c];
      }
    }
  return dx;
}

/** The kernel function for a backend whose tensors the CPU reads directly (wasm, cpu). */
export function maxPoolGradOnHost(backendName: string): tf.KernelFunc {
  return (args) => {
    const dy = input(args.inputs, 'dy');
    const x = input(args.inputs, 'input');
    const { filterSize, strides, pad, dimRoundingMode } = attrsOf<tf.MaxPoolGradAttrs>(args);
    const info = tf.backend_util.computePool2DInfo(
      x.shape as [number, number, number, number],
      filterSize,
      strides,
      1,
      pad,
      dimRoundingMode,
    );
    if (dy.shape.join() !== info.outShape.join())
      throw new Error(`MaxPoolGrad: dy is ${dy.shape.join('x')}, the pooling's output is ${info.outShape.join('x')}`);
    const backend = backendOf(args);
    const values = maxPoolGradValues(backend.readSync(x.dataId) as Float32Array, backend.readSync(dy.dataId) as Float32Array, info);
    return new BackendOps(backendName, backend).write(values, x.shape, 'float32');
  };
}
