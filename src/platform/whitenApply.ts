// Applies already estimated deconvolution kernels to a new image (webcam frames between two
// statistics refreshes): one conv2d of the reflect-padded image (as src/core/whiten does), minus
// the kernels applied to the mean.
import * as tf from '@tensorflow/tfjs-core';
import { reflectConv2d } from '../core/reflectConv';

export interface KernelSet {
  /** [cOut, cIn, k, k]. */
  shape: [number, number, number, number];
  data: Float32Array;
  /** Patch mean, length k*k*cIn in (dy, dx, c) order, or per-channel mean (length cIn). */
  mean: Float32Array;
}

/** Filter [k, k, cIn, cOut] and bias[cOut] = sum over taps of kernel * mean. */
export function kernelsToFilter(set: KernelSet): { filter: Float32Array; bias: Float32Array } {
  const [cOut, cIn, k] = set.shape;
  const filter = new Float32Array(k * k * cIn * cOut);
  const bias = new Float32Array(cOut);
  const perChannelMean = set.mean.length === cIn;
  for (let o = 0; o < cOut; o += 1) {
    for (let c = 0; c < cIn; c += 1) {
      for (let dy = 0; dy < k; dy += 1) {
        for (let dx = 0; dx < k; dx += 1) {
          const w = set.data[((o * cIn + c) * k + dy) * k + dx];
          filter[((dy * k + dx) * cIn + c) * cOut + o] = w;
          bias[o] += w * set.mean[perChannelMean ? c : (dy * k + dx) * cIn + c];
        }
      }
    }
  }
  return { filter, bias };
}

/** Whitened HWC image of `pixels` ([0, 1] HWC with cIn channels) under `set`. */
export async function applyKernels(pixels: Float32Array, height: number, width: number, set: KernelSet): Promise<Float32Array> {
  const [cOut, cIn, k] = set.shape;
  const { filter, bias } = kernelsToFilter(set);
  const out = tf.tidy(() => {
    const x = tf.tensor4d(pixels, [1, height, width, cIn]);
    return reflectConv2d(x, tf.tensor4d(filter, [k, k, cIn, cOut]), tf.tensor1d(bias));
  });
  try {
    return (await out.data()) as Float32Array;
  } finally {
    out.dispose();
  }
}
