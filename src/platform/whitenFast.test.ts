// The worker's entry point: the direct engine's result, the image-only work reused across
// settings, stale work dropped between stages, and the same errors as whitenImage.
import { describe, expect, it } from 'vitest';
import { pinkNoise } from '../core/reference/syntheticImages';
import { whitenImage } from '../core/whiten';
import { whitenImageDirect } from '../core/whitenDirect/whitenDirect';
import { applyKernelSet } from '../core/whitenDirect/applyKernelSet';
import { applyKernelsFast, SupersededError, whitenFast } from './whitenFast';
import { DEFAULT_SETTINGS } from './whitenProtocol';

describe('whitenFast', () => {
  it('answers with the direct engine, the same result whether the image-only work is fresh or reused', async () => {
    const img = pinkNoise(30, 26, 3, 1);
    for (const settings of [
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, kernel: 5 },
      { ...DEFAULT_SETTINGS, grey: false },
      { ...DEFAULT_SETTINGS, grey: false, iters: 4 },
    ]) {
      const first = await whitenFast(img, settings);
      expect(first).toEqual(whitenImageDirect(img, settings));
      expect(await whitenFast(img, settings)).toEqual(first);
      expect(first.implementation).toBe('direct');
    }
  });

  it('a new pixel array is analysed afresh (the cache is per array, not per size)', async () => {
    const a = pinkNoise(20, 20, 1, 1);
    const b = pinkNoise(20, 20, 1, 2);
    const ra = await whitenFast(a, DEFAULT_SETTINGS);
    const rb = await whitenFast(b, DEFAULT_SETTINGS);
    expect(rb.stats.input).not.toEqual(ra.stats.input);
    expect(rb).toEqual(whitenImageDirect(b, DEFAULT_SETTINGS));
  });

  it('stops with a SupersededError once isStale reports a newer request, and finishes while it does not', async () => {
    const img = pinkNoise(24, 24, 1, 3);
    let checks = 0;
    await expect(whitenFast(img, DEFAULT_SETTINGS, () => ++checks >= 2)).rejects.toBeInstanceOf(SupersededError);
    expect(checks).toBe(2);
    const answered = await whitenFast(img, DEFAULT_SETTINGS, () => false);
    expect(answered).toEqual(whitenImageDirect(img, DEFAULT_SETTINGS));
  });

  it('rejects bad input with whitenImage’s message before any stale check', async () => {
    const img = pinkNoise(8, 8, 1, 1);
    const settings = { ...DEFAULT_SETTINGS, kernel: 9 };
    const message = await whitenImage(img, settings).then(
      () => 'no error',
      (error: Error) => error.message,
    );
    await expect(whitenFast(img, settings, () => true)).rejects.toThrow(message);
    await expect(whitenFast({ ...img, data: new Float32Array(64).fill(Number.NaN) }, DEFAULT_SETTINGS)).rejects.toThrow(
      /not a finite number/,
    );
  });

  it('applies cached kernels to a frame like applyKernelSet', () => {
    const img = pinkNoise(12, 15, 1, 4);
    const set = {
      shape: [1, 1, 3, 3] as [number, number, number, number],
      data: new Float32Array(9).fill(0.1),
      mean: Float32Array.of(0.5),
    };
    expect(applyKernelsFast(img.data, 12, 15, set)).toEqual(applyKernelSet(img.data, 12, 15, set));
  });
});
