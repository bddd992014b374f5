// Sparsity read-outs of a run: each normalised layer's activations on a probe batch (eval mode),
// and the input before / after the deconvolution input layer's whitening (docs/algorithm.md §8).
import * as tf from '@tensorflow/tfjs-core';
import { kurtosis, nearZeroFraction } from '../../src/core/sparsity';
import { ChannelDeconv } from '../../src/nn/channelDeconv';
import { DeconvConv2d } from '../../src/nn/deconvConv2d';
import { Delinear } from '../../src/nn/delinear';
import type { Model } from '../../src/nn/model';
import { PAPER_CHANNEL_DECONV } from '../../src/nn/models/paperMlp';
import type { DeconvLayerSettings } from '../../src/nn/whitening';
import type { LayerProbe, ReproModel, Sparsity } from './types';

export const sparsityOf = (values: ArrayLike<number>): Sparsity => ({ kurtosis: kurtosis(values), nearZero: nearZeroFraction(values) });

export async function probeLayers(model: Model, probe: tf.Tensor4D): Promise<LayerProbe[]> {
  const out: LayerProbe[] = [];
  for (const a of model.activations(probe)) {
    const pre = (await a.pre.data()) as Float32Array;
    const post = (await a.post.data()) as Float32Array;
    tf.dispose([a.pre, a.post]);
    out.push({ layer: a.layer, pre: sparsityOf(pre), post: sparsityOf(post) });
  }
  return out;
}

/**
 * The probe images as the input layer sees them after its data-fixed deconvolution: an identity
 * layer (dense: the 784 whitened features; conv: the centre tap of every whitened patch) with the
 * input layer's settings and statistics from the same training sample.
 */
export async function inputWhitening(
  model: ReproModel,
  settings: DeconvLayerSettings,
  sample: tf.Tensor4D,
  probe: tf.Tensor4D,
): Promise<{ raw: Sparsity; whitened: Sparsity }> {
  const [, h, w, c] = probe.shape;
  const whitened = tf.tidy(() => {
    if (model === 'paper-mlp') {
      // ChannelDeconv has no statistics fixed from data: whiten the probe with its own statistics, as in training.
      const f = h * w * c;
      const layer = new ChannelDeconv({ name: 'probe', channels: f, settings: { ...settings, ...PAPER_CHANNEL_DECONV }, strided: true });
      try {
        return tf.keep(layer.forward(tf.reshape(probe, [probe.shape[0], f]), { training: true }));
      } finally {
        layer.dispose();
      }
    }
    if (model === 'mlp') {
      const f = h * w * c;
      const layer = new Delinear({ name: 'probe', inFeatures: f, outFeatures: f, settings, seed: 0 });
      try {
        layer.weight.assign(tf.eye(f) as tf.Tensor2D);
        layer.setStatisticsFromData(tf.reshape(sample, [sample.shape[0], f]) as tf.Tensor2D);
        return tf.keep(layer.forward(tf.reshape(probe, [probe.shape[0], f]), { training: false }));
      } finally {
        layer.dispose();
      }
    }
    const layer = new DeconvConv2d({ name: 'probe', inChannels: c, outChannels: c, kernel: 3, padding: 'same', settings, seed: 0 });
    try {
      const centre = tf.buffer([3, 3, c, c]);
      for (let i = 0; i < c; i += 1) centre.set(1, 1, 1, i, i);
      layer.weight.assign(centre.toTensor() as tf.Tensor4D);
      layer.setStatisticsFromData(sample);
      return tf.keep(layer.forward(probe, { training: false }));
    } finally {
      layer.dispose();
    }
  });
  const raw = sparsityOf((await probe.data()) as Float32Array);
  const white = sparsityOf((await whitened.data()) as Float32Array);
  whitened.dispose();
  return { raw, whitened: white };
}
