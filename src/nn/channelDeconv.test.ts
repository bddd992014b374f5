import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { ChannelDeconv } from './channelDeconv';
import { correlatedImage, maxAbs, maxAbsDiff, settings } from './testing/fixtures';
import { meanCov, whiten64 } from './testing/reference64';

const SHAPE: [number, number, number, number] = [2, 8, 8, 5];

/** Float64 reference: blocks of 2 channels whitened (per block), channel 4 left over (scalar mean/var). */
function reference(x: Float64Array, stride: number): Float64Array {
  const [n, h, w, c] = SHAPE;
  const sampled: Float64Array[] = [];
  for (let b = 0; b < n; b += 1)
    for (let y = 0; y < h; y += stride)
      for (let xx = 0; xx < w; xx += stride) sampled.push(x.slice(((b * h + y) * w + xx) * c, ((b * h + y) * w + xx + 1) * c));
  const blocks = [0, 2].map((c0) => {
    const { mean, cov } = meanCov(sampled.map((r) => r.slice(c0, c0 + 2)));
    return { c0, mean, d: whiten64(cov, 1e-5, 5) };
  });
  const rest = sampled.map((r) => r[4]);
  const lm = rest.reduce((s, v) => s + v, 0) / rest.length;
  const lv = rest.reduce((s, v) => s + (v - lm) ** 2, 0) / rest.length;
  const out = new Float64Array(x.length);
  for (let p = 0; p < x.length / c; p += 1) {
    for (const { c0, mean, d } of blocks)
      for (let i = 0; i < 2; i += 1) out[p * c + c0 + i] = d[i][0] * (x[p * c + c0] - mean[0]) + d[i][1] * (x[p * c + c0 + 1] - mean[1]);
    out[p * c + 4] = (x[p * c + 4] - lm) / Math.sqrt(lv + 1e-5);
  }
  return out;
}

describe('ChannelDeconv', () => {
  for (const stride of [1, 2]) {
    it(`whitens channel blocks and normalises leftovers like the float64 reference (sampling stride ${stride})`, async () => {
      const layer = new ChannelDeconv({ name: 'cd', channels: 5, settings: settings({ block: 2, samplingStride: stride }) });
      expect([layer.groups, layer.leftover]).toEqual([2, 1]);
      const x = correlatedImage(SHAPE, 3);
      const input = tf.tensor4d(Float32Array.from(x), SHAPE);
      const y = layer.forward(input, { training: true });
      const ref = reference(x, stride);
      expect(maxAbsDiff(await y.data(), ref)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref)));
      tf.dispose([input, y]);
      layer.dispose();
    });
  }

  it("strided: the reference's grouping, channels 2 apart in one vector and one pooled D, like the float64 reference", async () => {
    const layer = new ChannelDeconv({ name: 'cd', channels: 5, settings: settings({ block: 2 }), strided: true });
    const x = correlatedImage(SHAPE, 6);
    const pixels = x.length / 5;
    // Vector j of a pixel is (channel j, channel 2 + j), j = 0, 1; channel 4 is left over.
    const vectors = Array.from({ length: pixels * 2 }, (_, r) =>
      Float64Array.of(x[Math.floor(r / 2) * 5 + (r % 2)], x[Math.floor(r / 2) * 5 + 2 + (r % 2)]),
    );
    const { mean, cov } = meanCov(vectors);
    const d = whiten64(cov, 1e-5, 5);
    const rest = Array.from({ length: pixels }, (_, p) => x[p * 5 + 4]);
    const lm = rest.reduce((a, v) => a + v, 0) / pixels;
    const lv = rest.reduce((a, v) => a + (v - lm) ** 2, 0) / pixels;
    const ref = new Float64Array(x.length);
    for (let p = 0; p < pixels; p += 1) {
      for (let j = 0; j < 2; j += 1)
        for (let g = 0; g < 2; g += 1) ref[p * 5 + g * 2 + j] = d[g][0] * (x[p * 5 + j] - mean[0]) + d[g][1] * (x[p * 5 + 2 + j] - mean[1]);
      ref[p * 5 + 4] = (x[p * 5 + 4] - lm) / Math.sqrt(lv + 1e-5);
    }
    const input = tf.tensor4d(Float32Array.from(x), SHAPE);
    const y = layer.forward(input, { training: true });
    expect(layer.running.isqrt.shape).toEqual([1, 2, 2]);
    expect(maxAbsDiff(await y.data(), ref)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref)));
    tf.dispose([input, y]);
    layer.dispose();
  });

  it('eval mode uses running values (identity D and unit variance before any step)', async () => {
    const layer = new ChannelDeconv({ name: 'cd', channels: 5, settings: settings({ block: 2 }) });
    const input = tf.tensor4d(Float32Array.from(correlatedImage(SHAPE, 4)), SHAPE);
    const y = layer.forward(input, { training: false });
    const expected = tf.div(input, Math.sqrt(1 + 1e-5));
    const got = await y.data();
    const exp = await expected.data();
    const raw = await input.data();
    // Whitened channels pass through unchanged (D = I, mean 0); the leftover is divided by sqrt(1 + eps).
    for (let i = 0; i < got.length; i += 1) expect(Math.abs(got[i] - (i % 5 === 4 ? exp[i] : raw[i]))).toBeLessThan(1e-6);
    tf.dispose([input, y, expected]);
    layer.dispose();
  });
});
