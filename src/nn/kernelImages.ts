// First-layer filters as plain arrays for the dashboard: learned W, and for deconvolution the
// deconvolution kernels (row of running D at each input channel's centre tap) and W·D.
import * as tf from '@tensorflow/tfjs-core';
import { DeconvConv2d } from './deconvConv2d';
import { Delinear } from './delinear';
import type { Layer } from './layer';
import { Conv2d, Dense } from './plain';
import type { KernelImages } from './vocabulary';

/** [k, k, C, out] -> first `count` filters as [count, k, k, C]. */
function filtersOf(w: tf.Tensor4D, count: number): tf.Tensor4D {
  return tf.tidy(() => tf.transpose(tf.slice(w, [0, 0, 0, 0], [-1, -1, -1, count]), [3, 0, 1, 2]) as tf.Tensor4D);
}

/** Dense weights [h·w·c, out] seen as images: first `count` as [count, h, w, c]. */
function templatesOf(w: tf.Tensor2D, inputShape: [number, number, number], count: number): tf.Tensor4D {
  return tf.tidy(() => tf.reshape(tf.transpose(tf.slice(w, [0, 0], [-1, count])), [count, ...inputShape]) as tf.Tensor4D);
}

async function toArray(t: tf.Tensor): Promise<number[]> {
  const data = await t.data();
  t.dispose();
  return Array.from(data);
}

export async function kernelImages(layer: Layer, inputShape: [number, number, number], maxFilters: number): Promise<KernelImages> {
  if (layer instanceof DeconvConv2d || layer instanceof Conv2d) {
    const w = layer.weight;
    const [k, , cin, cout] = w.shape;
    const count = Math.min(cout, maxFilters);
    const shape: [number, number, number, number] = [count, k, k, cin];
    const images: KernelImages = { shape, weights: await toArray(filtersOf(w, count)) };
    if (layer instanceof DeconvConv2d) {
      const effective = layer.effectiveWeight();
      images.effective = await toArray(filtersOf(effective, count));
      effective.dispose();
      // Rows of D (group 0) at the centre tap of each channel of the first block.
      const b = layer.block;
      const centre = Math.floor(k / 2);
      const rows = tf.tidy(() => {
        const d = tf.squeeze(tf.slice(layer.running.isqrt, [0, 0, 0], [1, -1, -1]), [0]);
        const index = tf.tensor1d(
          Array.from({ length: b }, (_, c) => (centre * k + centre) * b + c),
          'int32',
        );
        return tf.gather(d, index);
      });
      images.deconv = await toArray(rows);
      images.deconvShape = [b, k, k, b];
    }
    return images;
  }
  if (layer instanceof Delinear || layer instanceof Dense) {
    const cout = layer.weight.shape[1];
    const count = Math.min(cout, maxFilters);
    const images: KernelImages = { shape: [count, ...inputShape], weights: await toArray(templatesOf(layer.weight, inputShape, count)) };
    if (layer instanceof Delinear) {
      const effective = layer.effectiveWeight();
      images.effective = await toArray(templatesOf(effective, inputShape, count));
      effective.dispose();
    }
    return images;
  }
  throw new Error(`layer ${layer.name} has no filters to show`);
}
