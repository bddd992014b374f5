// The whitening view's engine (docs/algorithm.md §8): whiten one image by network deconvolution and report
// the kernels, sparsity and spectra. Runs in Node and in the browser (worker) alike.
import * as tf from '@tensorflow/tfjs-core';
import { activeImplementation, type ImplementationName } from './ops';
import { absoluteQuantile, histogram, kurtosis, meanAndStd, nearZeroFraction, type Histogram } from './sparsity';
import { toLuminance, validateWhitenInput, type ImageInput, type WhitenOptions } from './whitenInput';
import { DISPLAY_QUANTILE, HISTOGRAM_BINS } from './whitenReadout';
import { spectrumReadout } from './whitenSpectrum';
import { centreIndex, whiteningTensors } from './whitenTensors';

export type { Histogram, ImageInput, WhitenOptions };
export { whitenedEigenvalues } from './whitenSpectrum';
export { validateWhitenInput, WHITEN_LIMITS } from './whitenInput';
export { HISTOGRAM_BINS } from './whitenReadout';

export interface ChannelStats {
  kurtosis: number;
  nearZeroFraction: number;
  mean: number;
  std: number;
}

export interface WhitenResult {
  height: number;
  width: number;
  /** Channels actually whitened (1 when `grey` was asked for). */
  channels: 1 | 3;
  /** HWC, same size as the input (borders by reflect padding), centred values. */
  whitened: Float32Array;
  /** Symmetric display range: the 99.5th percentile of |whitened|. */
  displayRange: number;
  /** [cOut, cIn, k, k]: the row of D at channel cOut's centre tap. */
  kernels: { shape: [number, number, number, number]; data: Float32Array };
  /** Patch mean, length n = k*k*C, ordered (dy, dx, c). */
  mean: Float32Array;
  stats: { input: ChannelStats[]; output: ChannelStats[] };
  /** Pooled over channels: input centred per channel over its full range; output over ±displayRange (tails beyond are left out). */
  histograms: { input: Histogram; output: Histogram };
  /** Of cov + eps I, descending (float64 Householder + QL, cross-checked against Jacobi in tests). */
  eigenvalues: number[];
  /** Of D (cov + eps I) D: 1 = fully whitened direction. */
  whitenedEigenvalues: number[];
  /** ||D - exact (cov + eps I)^(-1/2)||_F / ||exact||_F: how far the iteration got. */
  isqrtRelativeError: number;
  patchCount: number;
  /** tfjs ops (fused WGSL kernels or composed ops) or the direct Float64Array engine of core/whitenDirect. */
  implementation: ImplementationName | 'direct';
}

/** Values of channel c of an HWC array. */
function channelValues(data: Float32Array, channels: number, c: number): Float32Array {
  const out = new Float32Array(data.length / channels);
  for (let i = 0; i < out.length; i += 1) out[i] = data[i * channels + c];
  return out;
}

function channelStats(values: Float32Array): ChannelStats {
  return { kurtosis: kurtosis(values), nearZeroFraction: nearZeroFraction(values), ...meanAndStd(values) };
}

/** Kernels [cOut, cIn, k, k] from D's centre rows (patch index (dy*k + dx)*C + c). */
function extractKernels(d: Float32Array, kernel: number, channels: number): Float32Array {
  const n = kernel * kernel * channels;
  const out = new Float32Array(channels * n);
  for (let co = 0; co < channels; co += 1) {
    const row = centreIndex(kernel, channels, co) * n;
    for (let ci = 0; ci < channels; ci += 1) {
      for (let dy = 0; dy < kernel; dy += 1) {
        for (let dx = 0; dx < kernel; dx += 1)
          out[((co * channels + ci) * kernel + dy) * kernel + dx] = d[row + (dy * kernel + dx) * channels + ci];
      }
    }
  }
  return out;
}

/** Input values centred per channel, pooled, for the "before" histogram. */
function centredInput(img: ImageInput, inputStats: ChannelStats[]): Float32Array {
  return Float32Array.from(img.data, (v, i) => v - inputStats[i % img.channels].mean);
}

export async function whitenImage(image: ImageInput, opts: WhitenOptions): Promise<WhitenResult> {
  validateWhitenInput(image, opts);
  const img = opts.grey ? toLuminance(image) : image;
  const { height, width, channels } = img;
  const { kernel, eps } = opts;
  const n = kernel * kernel * channels;

  const x = tf.tensor4d(img.data, [1, height, width, channels]);
  const tensors = whiteningTensors(x, opts);
  let whitened: Float32Array, d: Float32Array, mean: Float32Array, cov: Float32Array;
  try {
    [whitened, d, mean, cov] = (await Promise.all([
      tensors.whitened.data(),
      tensors.d.data(),
      tensors.mean.data(),
      tensors.cov.data(),
    ])) as Float32Array[];
  } finally {
    tf.dispose([x, tensors.whitened, tensors.d, tensors.mean, tensors.cov]);
  }

  const input = Array.from({ length: channels }, (_, c) => channelStats(channelValues(img.data, channels, c)));
  const output = Array.from({ length: channels }, (_, c) => channelStats(channelValues(whitened, channels, c)));
  const displayRange = absoluteQuantile(whitened, DISPLAY_QUANTILE) || 1;
  const centred = centredInput(img, input);
  const inputRange = absoluteQuantile(centred, 1) || 1;
  return {
    height,
    width,
    channels,
    whitened,
    displayRange,
    kernels: { shape: [channels, channels, kernel, kernel], data: extractKernels(d, kernel, channels) },
    mean,
    stats: { input, output },
    histograms: {
      input: histogram(centred, HISTOGRAM_BINS, { min: -inputRange, max: inputRange }),
      output: histogram(whitened, HISTOGRAM_BINS, { min: -displayRange, max: displayRange }),
    },
    ...spectrumReadout(cov, d, n, eps),
    patchCount: tensors.count,
    implementation: activeImplementation(),
  };
}
