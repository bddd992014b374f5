// The layer setting `isqrtGradient` reaches the inverse square root: input gradients of a
// deconvolution conv through its batch statistics with the unrolled and the Lyapunov gradient.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { modelSettingsFrom } from './createModel';
import { DeconvConv2d } from './deconvConv2d';
import { correlatedImage, maxAbs, maxAbsDiff, randomValues, settings } from './testing/fixtures';
import type { DeconvLayerSettings } from './whitening';

const SHAPE: [number, number, number, number] = [2, 6, 6, 3];

/** d/dx of sum(y * R) for one training forward pass (batch statistics, gradient through Cov and D). */
async function inputGradient(overrides: Partial<DeconvLayerSettings>): Promise<Float32Array> {
  const layer = new DeconvConv2d({
    name: 'conv',
    inChannels: 3,
    outChannels: 4,
    kernel: 3,
    padding: 'same',
    settings: settings(overrides),
    seed: 3,
  });
  const x = tf.tensor4d(Float32Array.from(correlatedImage(SHAPE, 5)), SHAPE);
  const r = tf.tensor4d(Float32Array.from(randomValues(2 * 6 * 6 * 4, 9)), [2, 6, 6, 4]);
  const grad = tf.grad((input: tf.Tensor) => tf.sum(tf.mul(layer.forward(input, { training: true }), r)))(x);
  const values = (await grad.data()) as Float32Array;
  tf.dispose([x, r, grad]);
  layer.dispose();
  return values;
}

describe('DeconvLayerSettings.isqrtGradient', () => {
  it("K=30 (converged, eps 1e-3): 'lyapunov' and 'unrolled' input gradients agree within 1e-5 of their scale (measured 2.2e-7); absent = 'unrolled'", async () => {
    const unrolled = await inputGradient({ iters: 30, eps: 1e-3, isqrtGradient: 'unrolled' });
    const lyapunov = await inputGradient({ iters: 30, eps: 1e-3, isqrtGradient: 'lyapunov' });
    expect(maxAbsDiff(lyapunov, unrolled)).toBeLessThan(1e-5 * maxAbs(unrolled));
    expect(Array.from(await inputGradient({ iters: 30, eps: 1e-3 }))).toEqual(Array.from(unrolled));
  });

  it('K=5: the two gradients differ (largest difference 18% of the scale here): the truncated forward is not the exact function', async () => {
    const unrolled = await inputGradient({ iters: 5, isqrtGradient: 'unrolled' });
    const lyapunov = await inputGradient({ iters: 5, isqrtGradient: 'lyapunov' });
    expect(maxAbsDiff(lyapunov, unrolled)).toBeGreaterThan(1e-3 * maxAbs(unrolled));
    expect(lyapunov.every(Number.isFinite)).toBe(true);
  });

  it('modelSettingsFrom passes the option through, and leaves it out when absent', () => {
    const base = { block: 64, iters: 5, inputIters: 15, eps: 1e-5, samplingStride: 3, freezeIters: 0, blockMode: 'pooled' as const };
    expect(modelSettingsFrom({ ...base, isqrtGradient: 'lyapunov' }).deconv.isqrtGradient).toBe('lyapunov');
    expect('isqrtGradient' in modelSettingsFrom(base).deconv).toBe(false);
  });
});
