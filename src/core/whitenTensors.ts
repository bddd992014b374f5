// The tensor half of the whitening view: patch statistics, D = (cov + eps I)^(-1/2) and the
// whitened image, through the dispatching ops (fused WGSL where registered, else composed).
import * as tf from '@tensorflow/tfjs-core';
import { batchedIsqrt, patchCovariance } from './ops';
import { reflectConv2d } from './reflectConv';

export interface WhiteningTensors {
  /** [1, H, W, C], centred whitened values (same size as the input; borders by reflect padding). */
  whitened: tf.Tensor4D;
  /** The iterated inverse square root of cov + eps I, [n, n]. */
  d: tf.Tensor2D;
  mean: tf.Tensor1D;
  /** Patch covariance WITHOUT eps, [n, n]. */
  cov: tf.Tensor2D;
  count: number;
}

/** Patch index of the centre tap of channel c in a k x k x C patch ordered (dy, dx, c). */
export function centreIndex(kernel: number, channels: number, c: number): number {
  const half = (kernel - 1) / 2;
  return (half * kernel + half) * channels + c;
}

/**
 * Statistics come from the patches lying fully inside the image ('valid'), at every
 * `samplingStride`-th position in each direction starting at (0, 0). The whitened pixel of channel c
 * is the row of D at channel c's centre tap dotted with (patch - mean): a conv2d of the
 * reflect-padded image, minus that row dotted with the mean.
 */
export function whiteningTensors(
  x: tf.Tensor4D,
  opts: { kernel: number; eps: number; iters: number; samplingStride: number },
): WhiteningTensors {
  const { kernel, eps, iters, samplingStride } = opts;
  const channels = x.shape[3];
  const n = kernel * kernel * channels;
  let count = 0;
  const [whitened, d, mean, cov] = tf.tidy(() => {
    const stats = patchCovariance(x, { kernel, samplingStride, padding: 'valid' });
    count = stats.count;
    const covEps = tf.add(stats.cov, tf.mul(tf.eye(n), eps));
    const dMatrix = tf.reshape(batchedIsqrt(tf.reshape(covEps, [1, n, n]) as tf.Tensor3D, iters).isqrt, [n, n]) as tf.Tensor2D;
    const centres = tf.tensor1d(
      Array.from({ length: channels }, (_, c) => centreIndex(kernel, channels, c)),
      'int32',
    );
    const columns = tf.transpose(tf.gather(dMatrix, centres, 0)); // [n, C]: one whitening filter per output channel
    const filter = tf.reshape(columns, [kernel, kernel, channels, channels]) as tf.Tensor4D;
    const offset = tf.reshape(tf.matMul(tf.reshape(stats.mean, [1, n]), columns), [1, 1, 1, channels]);
    const out = reflectConv2d(x, filter, offset);
    return [out, dMatrix, stats.mean, stats.cov] as const;
  });
  return { whitened, d, mean, cov, count };
}
