// Webcam frames under cached kernels: the direct convolution against platform/whitenApply (tfjs).
import { describe, expect, it } from 'vitest';
import { applyKernels } from '../../platform/whitenApply';
import { pinkNoise } from '../reference/syntheticImages';
import { seededRng } from '../reference/random';
import { applyKernelSet, kernelBias, type KernelSetData } from './applyKernelSet';

function kernelSet(cIn: number, k: number, meanLength: number, seed: number): KernelSetData {
  const rng = seededRng(seed);
  return {
    shape: [cIn, cIn, k, k],
    data: Float32Array.from({ length: cIn * cIn * k * k }, () => rng.normal()),
    mean: Float32Array.from({ length: meanLength }, () => rng.uniform()),
  };
}

describe('applyKernelSet', () => {
  for (const [cIn, k, perChannel] of [
    [1, 3, false],
    [3, 3, false],
    [3, 5, true],
    [1, 1, true],
  ] as const) {
    it(`${cIn} channel(s), k=${k}, ${perChannel ? 'per-channel' : 'patch'} mean: the applyKernels image within 1e-5 of its range`, async () => {
      const img = pinkNoise(17, 22, cIn, k);
      const set = kernelSet(cIn, k, perChannel ? cIn : k * k * cIn, k + cIn);
      const got = applyKernelSet(img.data, 17, 22, set);
      const want = await applyKernels(img.data, 17, 22, set);
      const range = want.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(got.length).toBe(want.length);
      for (let i = 0; i < got.length; i += 1) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-5 * range);
    });
  }

  it('bias: kernel taps times the mean, summed per output channel', () => {
    const set: KernelSetData = { shape: [1, 1, 1, 1], data: Float32Array.of(2), mean: Float32Array.of(0.25) };
    expect(Array.from(kernelBias(set))).toEqual([0.5]);
  });
});
