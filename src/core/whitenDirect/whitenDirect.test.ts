// The direct engine against the tfjs one (core/whiten.ts `whitenImage` on the cpu backend, float32)
// on the sample photos and synthetic images. Stated tolerances, with the largest difference seen:
//   kernels              max |diff| <= 2e-3 x max |kernel|         (5e-4, astronaut colour k=3)
//   whitened pixels      max |diff| <= 1e-2 x display range        (2.8e-3, same)
//   display range        relative 2e-3; output kurtosis, std: relative 1e-3; near-zero fraction: 2e-3
//   output histogram     counts moved between bins <= 0.5 % of the pixels + 4 (its range is the display range)
//   eigenvalues          |diff| <= 1e-5 x largest + 1e-2 x itself   (smallest: 2.6e-3 relative)
//   whitened eigenvalues |diff| <= 2e-3                              (5.7e-4)
//   isqrt error          |diff| <= 1e-4 + 1e-2 x tfjs's
//   patch mean 1e-6; input statistics and "before" histogram identical.
// The differences are the float32 rounding of the tfjs matrix iteration (its own isqrt error
// is 1e-6..3e-5 at K = 15 where the direct one is ~1e-16), amplified along the directions near eps.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../bench/syntheticImage';
import { decodeImage } from '../../cli/imageIo';
import { pinkNoise } from '../reference/syntheticImages';
import { whitenImage, type ImageInput, type WhitenOptions, type WhitenResult } from '../whiten';
import { centreIndex } from '../whitenTensors';
import { centreTap, whitenImageDirect } from './whitenDirect';

const base: WhitenOptions = { kernel: 3, eps: 1e-5, iters: 15, samplingStride: 3, grey: false };
const SAMPLES = join(__dirname, '..', '..', '..', 'public', 'samples');

function loadSample(file: string): ImageInput {
  return decodeImage(new Uint8Array(readFileSync(join(SAMPLES, file))), file);
}

/** The centre side x side window of an image. */
function crop(img: ImageInput, side: number): ImageInput {
  const x0 = Math.floor((img.width - side) / 2);
  const y0 = Math.floor((img.height - side) / 2);
  const c = img.channels;
  const data = new Float32Array(side * side * c);
  for (let y = 0; y < side; y += 1)
    data.set(img.data.subarray(((y0 + y) * img.width + x0) * c, ((y0 + y) * img.width + x0 + side) * c), y * side * c);
  return { data, width: side, height: side, channels: c };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i += 1) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i += 1) m = Math.max(m, Math.abs(a[i]));
  return m;
}

function expectClose(direct: WhitenResult, tfjs: WhitenResult): void {
  expect(direct.implementation).toBe('direct');
  expect([direct.height, direct.width, direct.channels, direct.patchCount]).toEqual([
    tfjs.height,
    tfjs.width,
    tfjs.channels,
    tfjs.patchCount,
  ]);
  expect(direct.kernels.shape).toEqual(tfjs.kernels.shape);
  expect(maxAbsDiff(direct.kernels.data, tfjs.kernels.data)).toBeLessThanOrEqual(2e-3 * maxAbs(tfjs.kernels.data));
  expect(maxAbsDiff(direct.whitened, tfjs.whitened)).toBeLessThanOrEqual(1e-2 * tfjs.displayRange);
  expect(Math.abs(direct.displayRange - tfjs.displayRange)).toBeLessThanOrEqual(2e-3 * tfjs.displayRange);
  expect(maxAbsDiff(direct.mean, tfjs.mean)).toBeLessThanOrEqual(1e-6);
  expect(direct.stats.input).toEqual(tfjs.stats.input);
  expect(direct.histograms.input).toEqual(tfjs.histograms.input);
  direct.stats.output.forEach((s, c) => {
    const t = tfjs.stats.output[c];
    expect(Math.abs(s.kurtosis - t.kurtosis)).toBeLessThanOrEqual(1e-3 * t.kurtosis);
    expect(Math.abs(s.std - t.std)).toBeLessThanOrEqual(1e-3 * t.std);
    expect(Math.abs(s.mean - t.mean)).toBeLessThanOrEqual(1e-3 * t.std);
    expect(Math.abs(s.nearZeroFraction - t.nearZeroFraction)).toBeLessThanOrEqual(2e-3);
  });
  const out = direct.histograms.output;
  expect(out.counts.length).toBe(tfjs.histograms.output.counts.length);
  const moved = out.counts.reduce((sum, v, i) => sum + Math.abs(v - tfjs.histograms.output.counts[i]), 0);
  expect(moved).toBeLessThanOrEqual(5e-3 * direct.whitened.length + 4);
  const largest = tfjs.eigenvalues[0];
  direct.eigenvalues.forEach((v, i) =>
    expect(Math.abs(v - tfjs.eigenvalues[i])).toBeLessThanOrEqual(1e-5 * largest + 1e-2 * tfjs.eigenvalues[i]),
  );
  expect(maxAbsDiff(direct.whitenedEigenvalues, tfjs.whitenedEigenvalues)).toBeLessThanOrEqual(2e-3);
  expect(Math.abs(direct.isqrtRelativeError - tfjs.isqrtRelativeError)).toBeLessThanOrEqual(1e-4 + 1e-2 * tfjs.isqrtRelativeError);
}

async function compare(img: ImageInput, opts: Partial<WhitenOptions>): Promise<WhitenResult> {
  const o = { ...base, ...opts };
  const direct = whitenImageDirect(img, o);
  expectClose(direct, await whitenImage(img, o));
  return direct;
}

describe('whitenImageDirect vs whitenImage (tfjs cpu)', () => {
  it('centre taps are whitenTensors centreIndex', () => {
    for (const k of [1, 3, 5, 7, 9])
      for (const c of [1, 3]) for (let ch = 0; ch < c; ch += 1) expect(centreTap(k, c, ch)).toBe(centreIndex(k, c, ch));
  });

  const samples = JSON.parse(readFileSync(join(SAMPLES, 'index.json'), 'utf8')) as { file: string }[];
  for (const { file } of samples) {
    it(`${file}, whole photo, grey, k=3 K=15; colour k=5 and grey k=9 on a 96x96 crop`, async () => {
      const photo = loadSample(file);
      await compare(photo, { grey: true });
      await compare(crop(photo, 96), { kernel: 5 });
      await compare(crop(photo, 96), { kernel: 9, grey: true });
    });
  }

  it('astronaut.jpg, whole photo in colour, k=3 (the largest difference seen)', async () => {
    const r = await compare(loadSample('astronaut.jpg'), {});
    expect(r.channels).toBe(3);
  });

  for (const channels of [1, 3] as const) {
    for (const kernel of [1, 3, 5, 7, 9]) {
      it(`pink noise 41x29 (odd sizes), ${channels} channel(s), k=${kernel}, stride 3 and K=5, 15`, async () => {
        const img = pinkNoise(41, 29, channels, kernel + channels);
        await compare(img, { kernel });
        await compare(img, { kernel, iters: 5 });
      });
    }
  }

  it('the bench photo (128x128), colour and grey, stride 1 and 2', async () => {
    const img = syntheticPhoto(128, 3);
    await compare(img, { kernel: 3, samplingStride: 1 });
    await compare(img, { kernel: 5, samplingStride: 2, grey: true });
  });

  it('images barely larger than the kernel: one or two patches', async () => {
    for (const [h, w, kernel] of [
      [9, 10, 9],
      [3, 3, 3],
      [5, 6, 5],
      [1, 7, 1],
    ] as const) {
      const r = await compare(pinkNoise(h, w, 3, h * w), { kernel });
      expect(r.patchCount).toBe(Math.ceil((h - kernel + 1) / 3) * Math.ceil((w - kernel + 1) / 3));
    }
  });

  it('rejects bad options and images with the same messages as whitenImage', async () => {
    const img = pinkNoise(8, 8, 1, 1);
    const cases: [Partial<WhitenOptions>, ImageInput][] = [
      [{ kernel: 4 }, img],
      [{ kernel: 11 }, img],
      [{ iters: 0 }, img],
      [{ eps: 0 }, img],
      [{ eps: Number.NaN }, img],
      [{ samplingStride: 0 }, img],
      [{ kernel: 9 }, img],
      [{}, { ...img, data: new Float32Array(10) }],
      [{}, { ...img, data: new Float32Array(64).fill(Number.NaN) }],
      [
        { grey: true },
        { ...pinkNoise(8, 8, 3, 2), data: Float32Array.from(pinkNoise(8, 8, 3, 2).data, (v, i) => (i === 100 ? Infinity : v)) },
      ],
    ];
    for (const [patch, image] of cases) {
      const opts = { ...base, ...patch };
      const message = await whitenImage(image, opts).then(
        () => 'no error',
        (error: Error) => error.message,
      );
      expect(message).not.toBe('no error');
      expect(() => whitenImageDirect(image, opts)).toThrow(message);
    }
  });
});
