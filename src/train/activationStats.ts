// Per-layer histogram + sparsity of probe activations (docs/algorithm.md §8), read with await t.data().
import type * as tf from '@tensorflow/tfjs-core';
import { histogram, kurtosis, meanAndStd, nearZeroFraction } from '../core/sparsity';
import type { ProbeActivation } from '../nn/model';
import type { Histogram, LayerActivations, SparsityStats } from './protocol';

export const HISTOGRAM_BINS = 40;

export function summarise(values: ArrayLike<number>, bins = HISTOGRAM_BINS): Histogram & SparsityStats {
  const h = histogram(values, bins);
  const { mean, std } = meanAndStd(values);
  return {
    min: h.min,
    binWidth: h.binWidth,
    counts: h.counts,
    kurtosis: kurtosis(values),
    nearZeroFraction: nearZeroFraction(values),
    mean,
    std,
  };
}

async function read(t: tf.Tensor): Promise<Float32Array> {
  const data = (await t.data()) as Float32Array;
  t.dispose();
  return data;
}

/** Summaries of every probe activation; disposes the tensors. */
export async function summariseActivations(acts: ProbeActivation[]): Promise<LayerActivations[]> {
  const out: LayerActivations[] = [];
  for (const a of acts) {
    const pre = await read(a.pre);
    const post = await read(a.post);
    out.push({ layer: a.layer, pre: summarise(pre), post: summarise(post) });
  }
  return out;
}
