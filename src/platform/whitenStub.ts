// TEMPORARY stand-in for src/core/whiten.ts (being written by the core work) with the same
// contract, so the view can be built end to end. Swap the import in whitenEngine.ts when it lands.
import * as tf from '@tensorflow/tfjs-core';
import { activeImplementation, batchedIsqrt, patchCovariance } from '../core/ops';
import { symmetricEigen } from '../core/reference/jacobi';
import { applyKernels } from './whitenApply';
import type { ChannelStatsData, HistogramData, WhitenPayload, WhitenSettings } from './whitenProtocol';

export interface ImageInput {
  data: Float32Array;
  height: number;
  width: number;
  channels: 1 | 3;
}

function toGrey(img: ImageInput): ImageInput {
  if (img.channels === 1) return img;
  const n = img.width * img.height;
  const data = new Float32Array(n);
  for (let p = 0; p < n; p += 1) data[p] = 0.299 * img.data[p * 3] + 0.587 * img.data[p * 3 + 1] + 0.114 * img.data[p * 3 + 2];
  return { ...img, data, channels: 1 };
}

function channelStats(data: Float32Array, channels: number): ChannelStatsData[] {
  const out: ChannelStatsData[] = [];
  const count = data.length / channels;
  for (let c = 0; c < channels; c += 1) {
    let sum = 0;
    for (let i = c; i < data.length; i += channels) sum += data[i];
    const mean = sum / count;
    let m2 = 0;
    let m4 = 0;
    for (let i = c; i < data.length; i += channels) {
      const d = (data[i] - mean) ** 2;
      m2 += d;
      m4 += d * d;
    }
    const variance = m2 / count;
    const std = Math.sqrt(variance);
    let near = 0;
    for (let i = c; i < data.length; i += channels) if (Math.abs(data[i] - mean) < 0.1 * std) near += 1;
    out.push({ mean, std, kurtosis: variance > 0 ? m4 / count / variance ** 2 : 0, nearZeroFraction: near / count });
  }
  return out;
}

function histogram(data: Float32Array, lo: number, hi: number, bins = 60): HistogramData {
  const binWidth = (hi - lo) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of data) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / binWidth)))] += 1;
  return { min: lo, binWidth, counts };
}

export async function whitenImage(raw: ImageInput, opts: WhitenSettings): Promise<WhitenPayload> {
  const img = opts.grey ? toGrey(raw) : raw;
  const { kernel: k, channels: C } = { kernel: opts.kernel, channels: img.channels };
  const n = k * k * C;
  const x = tf.tensor4d(img.data, [1, img.height, img.width, C]);
  const stats = patchCovariance(x, { kernel: k, samplingStride: opts.samplingStride, padding: 'valid' });
  const covEps = tf.tidy(() => tf.add(stats.cov, tf.mul(tf.eye(n), opts.eps)) as tf.Tensor2D);
  const stack = tf.reshape(covEps, [1, n, n]) as tf.Tensor3D;
  const { isqrt, sqrt } = batchedIsqrt(stack, opts.iters);
  const [cov, d, mean] = await Promise.all([covEps.data(), isqrt.data(), stats.mean.data()]);
  tf.dispose([x, stats.mean, stats.cov, covEps, stack, isqrt, sqrt]);

  const centre = Math.floor(k / 2) * k + Math.floor(k / 2);
  const kernels = new Float32Array(C * C * k * k);
  for (let o = 0; o < C; o += 1) {
    const row = (centre * C + o) * n;
    for (let c = 0; c < C; c += 1) {
      for (let t = 0; t < k * k; t += 1) kernels[(o * C + c) * k * k + t] = d[row + t * C + c];
    }
  }
  const shape: [number, number, number, number] = [C, C, k, k];
  const whitened = await applyKernels(img.data, img.height, img.width, { shape, data: kernels, mean: mean as Float32Array });
  const eigen = symmetricEigen(cov, n);
  const eigenvalues = Array.from(eigen.values).sort((a, b) => b - a);
  const outStats = channelStats(whitened, C);
  const range = Math.max(...outStats.map((s) => 3 * s.std)) || 1;
  return {
    height: img.height,
    width: img.width,
    channels: C,
    whitened,
    displayRange: range,
    kernels: { shape, data: kernels },
    mean: mean as Float32Array,
    stats: { input: channelStats(img.data, C), output: outStats },
    histograms: { input: histogram(img.data, 0, 1), output: histogram(whitened, -range, range) },
    eigenvalues,
    whitenedEigenvalues: [],
    isqrtRelativeError: Number.NaN,
    patchCount: stats.count,
    implementation: activeImplementation(),
  };
}
