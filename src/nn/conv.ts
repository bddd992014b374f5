// conv2d used by every layer. On the tfjs cpu backend the native conv backward pass is very slow
// (about 10x slower than a matrix product here), so there the convolution is an explicit
// im2col + matMul; other backends use tf.conv2d. Same maths, same 'same'/'valid' padding rules.
import * as tf from '@tensorflow/tfjs-core';

/** Shape of a convolution layer, shared by the plain and the deconvolution layers and the model units. */
export interface ConvGeometry {
  name: string;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride?: number;
  padding: 'same' | 'valid';
}

/** Shape of a dense layer, shared likewise. */
export interface DenseGeometry {
  name: string;
  inFeatures: number;
  outFeatures: number;
}

function samePadding(size: number, k: number, stride: number): [number, number] {
  const out = Math.ceil(size / stride);
  const total = Math.max((out - 1) * stride + k - size, 0);
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * x[:, y0 + i*s, x0 + j*s, :] for i < rows, j < cols, with slice + reshape only (tfjs-core registers
 * no gradient for StridedSlice). x must extend at least s - 1 past the last sampled position.
 */
export function everyNth(x: tf.Tensor4D, y0: number, x0: number, s: number, rows: number, cols: number): tf.Tensor4D {
  const [n, , , c] = x.shape;
  const region = tf.slice(x, [0, y0, x0, 0], [n, rows * s, cols * s, c]);
  const grid = tf.reshape(region, [n, rows, s, cols, s, c]);
  return tf.reshape(tf.slice(grid, [0, 0, 0, 0, 0, 0], [n, rows, 1, cols, 1, c]), [n, rows, cols, c]) as tf.Tensor4D;
}

function im2colConv(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, padding: 'same' | 'valid'): tf.Tensor4D {
  const [k, , cin, cout] = w.shape;
  const [n, h, wd] = x.shape;
  const [top, bottom] = padding === 'same' ? samePadding(h, k, stride) : [0, 0];
  const [left, right] = padding === 'same' ? samePadding(wd, k, stride) : [0, 0];
  // Extra stride - 1 zero rows/columns let every strided tap be one slice + reshape.
  const extra = stride - 1;
  const padded =
    top + bottom + left + right + extra > 0
      ? tf.pad(x, [
          [0, 0],
          [top, bottom + extra],
          [left, right + extra],
          [0, 0],
        ])
      : x;
  const outH = Math.floor((h + top + bottom - k) / stride) + 1;
  const outW = Math.floor((wd + left + right - k) / stride) + 1;
  const taps: tf.Tensor[] = [];
  for (let dy = 0; dy < k; dy += 1) {
    for (let dx = 0; dx < k; dx += 1) {
      taps.push(stride === 1 ? tf.slice(padded, [0, dy, dx, 0], [n, outH, outW, cin]) : everyNth(padded, dy, dx, stride, outH, outW));
    }
  }
  const cols = tf.reshape(taps.length === 1 ? taps[0] : tf.concat(taps, 3), [n * outH * outW, k * k * cin]);
  return tf.reshape(tf.matMul(cols, tf.reshape(w, [k * k * cin, cout])), [n, outH, outW, cout]) as tf.Tensor4D;
}

export function conv2d(x: tf.Tensor4D, w: tf.Tensor4D, stride: number, padding: 'same' | 'valid'): tf.Tensor4D {
  if (tf.getBackend() !== 'cpu') return tf.conv2d(x, w, stride, padding);
  return tf.tidy(() => im2colConv(x, w, stride, padding));
}
