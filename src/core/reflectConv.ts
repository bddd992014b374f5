// A 'same'-size convolution with reflect padding at the borders (no repeated edge pixel), minus a
// per-channel offset: how a whitening filter set is applied to an image with tf ops.
import * as tf from '@tensorflow/tfjs-core';

/** conv2d of `x` [1, h, w, cIn] with `filter` [k, k, cIn, cOut] (k odd) over a reflect-padded image, minus `offset`. */
export function reflectConv2d(x: tf.Tensor4D, filter: tf.Tensor4D, offset: tf.Tensor): tf.Tensor4D {
  return tf.tidy(() => {
    const half = (filter.shape[0] - 1) / 2;
    const padded =
      half > 0
        ? tf.mirrorPad(
            x,
            [
              [0, 0],
              [half, half],
              [half, half],
              [0, 0],
            ],
            'reflect',
          )
        : x;
    return tf.sub(tf.conv2d(padded, filter, 1, 'valid'), offset) as tf.Tensor4D;
  });
}
