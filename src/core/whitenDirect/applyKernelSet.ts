// Already estimated deconvolution kernels applied to a new image (webcam frames between two
// statistics refreshes), directly: platform/whitenApply `applyKernels` without tfjs.
import { convolveReflect } from './convolveReflect';

export interface KernelSetData {
  /** [cOut, cIn, k, k]. */
  shape: [number, number, number, number];
  data: Float32Array;
  /** Patch mean, length k*k*cIn in (dy, dx, c) order, or per-channel mean (length cIn). */
  mean: Float32Array;
}

/** bias[o] = the sum over taps of kernel * mean, in float64 (whitenApply `kernelsToFilter` sums in float32). */
export function kernelBias(set: KernelSetData): Float64Array {
  const [cOut, cIn, k] = set.shape;
  const perChannelMean = set.mean.length === cIn;
  const bias = new Float64Array(cOut);
  for (let o = 0; o < cOut; o += 1) {
    for (let c = 0; c < cIn; c += 1) {
      for (let t = 0; t < k * k; t += 1) bias[o] += set.data[(o * cIn + c) * k * k + t] * set.mean[perChannelMean ? c : t * cIn + c];
    }
  }
  return bias;
}

/** Whitened HWC image of `pixels` ([0, 1] HWC with cIn channels) under `set`. */
export function applyKernelSet(pixels: Float32Array, height: number, width: number, set: KernelSetData): Float32Array {
  const [cOut, cIn, k] = set.shape;
  return convolveReflect(pixels, height, width, { weights: set.data, cOut, cIn, kernel: k, bias: kernelBias(set) });
}
