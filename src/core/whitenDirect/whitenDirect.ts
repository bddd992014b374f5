// The whitening view's engine without tensors: the same WhitenResult as core/whiten.ts
// `whitenImage` (patch statistics, D = (cov + eps I)^(-1/2) by K Newton–Schulz steps, the centre
// rows of D as a reflect-padded convolution, readouts), computed in float64 straight from the
// image's Float32Array, with no backend. The work is a generator of stages so a caller can yield
// to its event loop between them (and drop work that a newer request has made stale);
// `whitenImageDirect` runs it to the end at once.
import type { WhitenResult } from '../whiten';
import { validateWhitenInput, validateWhitenShape, type ImageInput, type WhitenOptions } from '../whitenInput';
import { DISPLAY_QUANTILE, HISTOGRAM_BINS } from '../whitenReadout';
import { convolveReflect } from './convolveReflect';
import { patchMoments } from './patchMoments';
import { outputReadouts } from './outputReadouts';
import { covarianceSpectrum, isqrtRows, spectralNewtonSchulz } from './spectralIsqrt';
import { spectralReadout } from './spectralReadout';
import { NO_CACHE, type WhitenCache } from './whitenCache';

/** Patch index of the centre tap of channel c, patches ordered (dy, dx, c) (as whitenTensors `centreIndex`). */
export function centreTap(kernel: number, channels: number, c: number): number {
  const half = (kernel - 1) / 2;
  return (half * kernel + half) * channels + c;
}

/** Weights [cOut, cIn, k, k] from D's centre rows (rows[co * n + (dy * k + dx) * C + ci]). */
function rowsToKernels(rows: Float64Array, kernel: number, channels: number): Float64Array {
  const n = kernel * kernel * channels;
  const taps = kernel * kernel;
  const out = new Float64Array(channels * n);
  for (let co = 0; co < channels; co += 1) {
    for (let ci = 0; ci < channels; ci += 1) {
      for (let tap = 0; tap < taps; tap += 1) out[(co * channels + ci) * taps + tap] = rows[co * n + tap * channels + ci];
    }
  }
  return out;
}

/** Each output channel's row of D dotted with the patch mean: the constant the convolution subtracts. */
function rowsDotMean(rows: Float64Array, mean: Float64Array, channels: number): Float64Array {
  const n = mean.length;
  return Float64Array.from({ length: channels }, (_, co) => {
    let sum = 0;
    for (let j = 0; j < n; j += 1) sum += rows[co * n + j] * mean[j];
    return sum;
  });
}

/**
 * The stages of one whitening (input, statistics, spectrum, D and convolution, readouts), yielding
 * between them. Validates first, with the same messages as whitenImage. With a `cache` (the view's),
 * a change of eps or K starts at D, a change of k or stride at the statistics.
 */
export function* whitenDirectSteps(
  source: ImageInput,
  opts: WhitenOptions,
  cache: WhitenCache = NO_CACHE,
): Generator<void, WhitenResult, void> {
  // Every pixel is scanned once per array: a slider change re-checks the options only.
  if (cache.checked(source)) validateWhitenShape(source, opts);
  else validateWhitenInput(source, opts);
  const input = cache.prepare(source, opts.grey);
  const { height, width, channels, data } = input.image;
  const { kernel, eps, iters, samplingStride } = opts;
  const n = kernel * kernel * channels;
  let stats = cache.statistics(input.image, kernel, samplingStride);
  if (!stats) {
    yield;
    const moments = patchMoments(input.image, kernel, samplingStride);
    yield;
    stats = { moments, spectrum: covarianceSpectrum(moments.cov, n) };
    cache.keepStatistics(input.image, kernel, samplingStride, stats);
  }
  const { moments, spectrum } = stats;
  yield;
  const spectral = spectralNewtonSchulz(spectrum, eps, iters);
  const rows = isqrtRows(
    spectral,
    Array.from({ length: channels }, (_, c) => centreTap(kernel, channels, c)),
  );
  const weights = rowsToKernels(rows, kernel, channels);
  const whitened = convolveReflect(data, height, width, {
    weights,
    cOut: channels,
    cIn: channels,
    kernel,
    bias: rowsDotMean(rows, moments.mean, channels),
  });
  yield;
  const readouts = outputReadouts(whitened, channels, HISTOGRAM_BINS, DISPLAY_QUANTILE);
  return {
    height,
    width,
    channels,
    whitened,
    displayRange: readouts.displayRange,
    kernels: { shape: [channels, channels, kernel, kernel], data: Float32Array.from(weights) },
    mean: Float32Array.from(moments.mean),
    stats: { input: input.stats, output: readouts.stats },
    histograms: { input: input.histogram, output: readouts.histogram },
    ...spectralReadout(spectral),
    patchCount: moments.count,
    implementation: 'direct',
  };
}

/** whitenImage's result, computed directly and synchronously. */
export function whitenImageDirect(source: ImageInput, opts: WhitenOptions, cache?: WhitenCache): WhitenResult {
  const steps = whitenDirectSteps(source, opts, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
