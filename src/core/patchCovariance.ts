// Mean and covariance of the k x k patches of an NHWC tensor (docs/algorithm.md §2), composed from tf ops.
// A patch vector is ordered (dy, dx, c): index = (dy * k + dx) * C + c, the same order as a
// conv2d filter [k, k, C, Cout] reshaped to [n, Cout], so folds need no permutation.
import * as tf from '@tensorflow/tfjs-core';

export interface PatchOptions {
  /** Kernel size k (square patches). */
  kernel: number;
  /** Use every S-th patch position in each direction, starting at (0, 0) of the output grid. */
  samplingStride: number;
  /** 'valid': only patches lying fully inside the input. 'same': zero padding of (k-1)*dilation/2. Or an explicit pad. */
  padding: 'valid' | 'same' | number;
  /** Dilation of the kernel taps (default 1). */
  dilation?: number;
}

export interface PatchStats {
  /** Column mean of the sampled patch matrix, length n = k*k*C. */
  mean: tf.Tensor1D;
  /** (X - mean)^T (X - mean) / M, n x n, WITHOUT eps. */
  cov: tf.Tensor2D;
  /** M, the number of sampled patches. */
  count: number;
}

export function padAmount(opts: PatchOptions): number {
  const dilation = opts.dilation ?? 1;
  if (opts.padding === 'valid') return 0;
  if (opts.padding === 'same') return Math.floor(((opts.kernel - 1) * dilation) / 2);
  return opts.padding;
}

/** Sampled patch matrix X, shape [M, k*k*C]. Materialises im2col: the composed reference path. */
export function samplePatches(x: tf.Tensor4D, opts: PatchOptions): tf.Tensor2D {
  const { kernel: k, samplingStride: s } = opts;
  const dilation = opts.dilation ?? 1;
  if (!Number.isInteger(k) || k < 1) throw new Error(`kernel size must be a whole number >= 1, got ${k}`);
  if (!Number.isInteger(s) || s < 1) throw new Error(`sampling stride must be a whole number >= 1, got ${s}`);
  const pad = padAmount(opts);
  return tf.tidy(() => {
    const padded =
      pad > 0
        ? tf.pad(x, [
            [0, 0],
            [pad, pad],
            [pad, pad],
            [0, 0],
          ])
        : x;
    const [batch, height, width, channels] = padded.shape;
    const span = (k - 1) * dilation + 1;
    const outH = height - span + 1;
    const outW = width - span + 1;
    if (outH < 1 || outW < 1) throw new Error(`input ${height}x${width} is smaller than the ${k}x${k} patch`);
    const rows = Math.ceil(outH / s);
    const cols = Math.ceil(outW / s);
    if (s === k && dilation === 1) return disjointTiles(padded, k, rows, cols);
    // gather (not stridedSlice, which has no gradient in tfjs) keeps the sampled patches differentiable.
    const positions = (offset: number, count: number): tf.Tensor1D =>
      tf.range(offset, offset + (count - 1) * s + 1, s, 'int32') as tf.Tensor1D;
    const taps: tf.Tensor[] = [];
    for (let dy = 0; dy < k; dy += 1) {
      const band =
        s === 1
          ? tf.slice(padded, [0, dy * dilation, 0, 0], [batch, rows, width, channels])
          : tf.gather(padded, positions(dy * dilation, rows), 1);
      for (let dx = 0; dx < k; dx += 1) {
        const x0 = dx * dilation;
        taps.push(s === 1 ? tf.slice(band, [0, 0, x0, 0], [batch, rows, cols, channels]) : tf.gather(band, positions(x0, cols), 2));
      }
    }
    // [batch, rows, cols, k*k*C] with taps outermost, channels innermost.
    const patches = tf.concat(taps, 3);
    return tf.reshape(patches, [batch * rows * cols, k * k * channels]) as tf.Tensor2D;
  });
}

/**
 * The sampled patches when the sampling stride equals the kernel size (the default 3x3 at stride 3): they
 * tile the padded input without overlap, so a crop, reshapes and one transpose give the patch matrix in
 * the same row and column order as the gathers, without gathers (their gradient, a segment sum, cost
 * 14 of 111 ms of a simple-cnn step on wasm).
 */
function disjointTiles(padded: tf.Tensor4D, k: number, rows: number, cols: number): tf.Tensor2D {
  const [batch, height, width, channels] = padded.shape;
  const cropped =
    rows * k === height && cols * k === width ? padded : tf.slice(padded, [0, 0, 0, 0], [batch, rows * k, cols * k, channels]);
  // [batch·rows, dy, cols, dx·C] -> [batch·rows, cols, dy, dx·C]: a row per patch, ordered (dy, dx, c).
  const bands = tf.reshape(cropped, [batch * rows, k, cols, k * channels]);
  return tf.reshape(tf.transpose(bands, [0, 2, 1, 3]), [batch * rows * cols, k * k * channels]) as tf.Tensor2D;
}

export function patchCovarianceComposed(x: tf.Tensor4D, opts: PatchOptions): PatchStats {
  let count = 0;
  const [mean, cov] = tf.tidy(() => {
    const patches = samplePatches(x, opts);
    count = patches.shape[0];
    const m = tf.mean(patches, 0) as tf.Tensor1D;
    const centred = tf.sub(patches, m);
    const c = tf.div(tf.matMul(centred, centred, true, false), count) as tf.Tensor2D;
    return [m, c];
  });
  return { mean, cov, count };
}
