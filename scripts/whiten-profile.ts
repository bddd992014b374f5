// Where the time of one whitening goes (issue #15): each stage of the tfjs engine (core/whiten.ts on
// the tfjs cpu backend) and of the direct engine (core/whitenDirect) timed on its own, on the bench's
// 512x512 synthetic photo. Times are this process's CPU time (median of 5 after a warm-up), which a
// busy shared machine distorts far less than wall time.
// Run: npx tsx scripts/whiten-profile.ts [kernel=3] [grey=1]
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { syntheticPhoto } from '../src/bench/syntheticImage';
import { newtonSchulzComposed } from '../src/core/newtonSchulz';
import { patchCovarianceComposed, samplePatches } from '../src/core/patchCovariance';
import { absoluteQuantile, histogram, kurtosis, meanAndStd, nearZeroFraction } from '../src/core/sparsity';
import { whitenImage } from '../src/core/whiten';
import { convolveReflect } from '../src/core/whitenDirect/convolveReflect';
import { patchMoments } from '../src/core/whitenDirect/patchMoments';
import { absoluteQuantile as selectQuantile, channelStats } from '../src/core/whitenDirect/pixelStats';
import { prepareInput } from '../src/core/whitenDirect/prepareInput';
import { covarianceSpectrum } from '../src/core/whitenDirect/spectralIsqrt';
import { createWhitenCache } from '../src/core/whitenDirect/whitenCache';
import { whitenImageDirect } from '../src/core/whitenDirect/whitenDirect';
import { toLuminance } from '../src/core/whitenInput';
import { spectrumReadout } from '../src/core/whitenSpectrum';
import { whiteningTensors } from '../src/core/whitenTensors';

async function time<T>(label: string, run: () => T | Promise<T>, reps = 5): Promise<T> {
  let result = await run();
  const times: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const start = process.cpuUsage();
    result = await run();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} ${times[Math.floor(reps / 2)].toFixed(1).padStart(8)} ms`);
  return result;
}

async function profileTfjs(photo: ReturnType<typeof syntheticPhoto>, opts: Parameters<typeof whitenImage>[1]): Promise<void> {
  const img = opts.grey ? toLuminance(photo) : photo;
  const { kernel } = opts;
  const n = kernel * kernel * img.channels;
  await time('tfjs whitenImage (all)', () => whitenImage(photo, opts));
  const x = tf.tensor4d(img.data, [1, img.height, img.width, img.channels]);
  const patchOpts = { kernel, samplingStride: opts.samplingStride, padding: 'valid' as const };
  await time('  samplePatches (im2col by gather)', async () => {
    const p = samplePatches(x, patchOpts);
    await p.data();
    p.dispose();
  });
  await time('  patchCovarianceComposed', async () => {
    const s = patchCovarianceComposed(x, patchOpts);
    await s.cov.data();
    tf.dispose([s.cov, s.mean]);
  });
  const stats = patchCovarianceComposed(x, patchOpts);
  const covEps = tf.add(stats.cov, tf.mul(tf.eye(n), opts.eps));
  await time(`  newtonSchulzComposed K=${opts.iters}`, async () => {
    const r = newtonSchulzComposed(tf.reshape(covEps, [1, n, n]) as tf.Tensor3D, opts.iters);
    await r.isqrt.data();
    tf.dispose([r.isqrt, r.sqrt]);
  });
  const [whitened, d, , cov] = await time('  whiteningTensors + data()', async () => {
    const r = whiteningTensors(x, opts);
    const data = (await Promise.all([r.whitened.data(), r.d.data(), r.mean.data(), r.cov.data()])) as Float32Array[];
    tf.dispose([r.whitened, r.d, r.mean, r.cov]);
    return data;
  });
  tf.dispose([x, stats.cov, stats.mean, covEps]);
  await time('  channel stats in + out (copies, 6 passes each)', () =>
    [img.data, whitened].map((v) => [kurtosis(v), nearZeroFraction(v), meanAndStd(v)]),
  );
  await time('  absoluteQuantile x2 (sorted copies)', () => [absoluteQuantile(whitened, 0.995), absoluteQuantile(img.data, 1)]);
  await time('  histograms x2', () => [histogram(whitened, 64, { min: -1, max: 1 }), histogram(img.data, 64, { min: -1, max: 1 })]);
  await time('  spectrumReadout (float64 eig x2, exact isqrt)', () => spectrumReadout(cov, d, n, opts.eps));
}

async function profileDirect(photo: ReturnType<typeof syntheticPhoto>, opts: Parameters<typeof whitenImage>[1]): Promise<void> {
  const { kernel } = opts;
  const prepared = prepareInput(photo, opts.grey);
  const img = prepared.image;
  const n = kernel * kernel * img.channels;
  await time('direct whitenImageDirect, new image', () => whitenImageDirect(photo, opts));
  const cache = createWhitenCache();
  whitenImageDirect(photo, opts, cache);
  await time('direct, new k or stride (image analysis reused)', () =>
    whitenImageDirect(photo, opts, { ...cache, statistics: () => undefined }),
  );
  await time('direct, new eps or K (statistics reused too)', () => whitenImageDirect(photo, { ...opts, eps: opts.eps * 1.01 }, cache));
  await time('  prepareInput (luminance, input stats, histogram)', () => prepareInput(photo, opts.grey));
  const moments = await time('  patchMoments (float64 Gram, 4x2 blocks)', () => patchMoments(img, kernel, opts.samplingStride));
  await time('  covarianceSpectrum (Householder + QL)', () => covarianceSpectrum(moments.cov, n));
  const weights = new Float64Array(img.channels * n).fill(1 / n);
  const whitened = await time('  convolveReflect', () =>
    convolveReflect(img.data, img.height, img.width, {
      weights,
      cOut: img.channels,
      cIn: img.channels,
      kernel,
      bias: new Float64Array(img.channels),
    }),
  );
  await time('  output stats, display range, histogram', () => [
    Array.from({ length: img.channels }, (_, c) => channelStats(whitened, img.channels, c)),
    selectQuantile(whitened, 0.995),
    histogram(whitened, 64, { min: -1, max: 1 }),
  ]);
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  tf.enableProdMode();
  const kernel = Number(process.argv[2] ?? 3);
  const grey = (process.argv[3] ?? '1') === '1';
  const opts = { kernel, eps: 1e-5, iters: 15, samplingStride: 3, grey };
  const photo = syntheticPhoto(512, 3);
  console.log(
    `512x512 k=${kernel} K=15 ${grey ? 'grey' : 'colour'} (n = ${kernel * kernel * (grey ? 1 : 3)}), CPU ms, tfjs ${tf.getBackend()}`,
  );
  await profileTfjs(photo, opts);
  await profileDirect(photo, opts);
}

void main();
