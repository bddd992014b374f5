import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { resolveBlock } from './blocks';
import { Delinear } from './delinear';
import { maxAbs, maxAbsDiff, randomValues, settings } from './testing/fixtures';
import { delinear64 } from './testing/reference64';
import type { BlockMode } from './vocabulary';

const BATCH = 40;
const IN = 12;
const OUT = 5;

function correlatedRows(seed: number): Float64Array {
  const noise = randomValues(BATCH * IN, seed);
  return noise.map((v, i) => v + 0.7 * noise[i - (i % IN)] + 0.3);
}

/** WIDE_OUT > BATCH sends training through the row-whitening route instead of the fold. */
const WIDE_OUT = 48;

function build(block: number, blockMode: BlockMode, out = OUT) {
  const layer = new Delinear({ name: 'fc', inFeatures: IN, outFeatures: out, settings: settings({ block, blockMode }), seed: 1 });
  const weight = randomValues(IN * out, 2, 0.5);
  const bias = randomValues(out, 3, 0.5);
  layer.weight.assign(tf.tensor2d(Float32Array.from(weight), [IN, out]));
  layer.bias.assign(tf.tensor1d(Float32Array.from(bias)));
  return { layer, weight, bias };
}

describe('resolveBlock', () => {
  it('follows the reference rule: clamp to C, else gcd when C % B != 0', () => {
    expect(resolveBlock(64, 16)).toBe(16);
    expect(resolveBlock(64, 128)).toBe(64);
    expect(resolveBlock(512, 784)).toBe(16);
    expect(resolveBlock(512, 3072)).toBe(512);
  });
});

describe('Delinear', () => {
  for (const [block, mode, out] of [
    [12, 'pooled', OUT],
    [4, 'pooled', OUT],
    [4, 'per-block', OUT],
    [4, 'pooled', WIDE_OUT],
  ] as const) {
    it(`equals centring + whitened chunks + matmul in float64 (block ${block}, ${mode}, ${out} outputs)`, async () => {
      const { layer, weight, bias } = build(block, mode, out);
      const x = correlatedRows(7);
      const ref = delinear64(x, BATCH, weight, bias, block, 1e-5, 5, mode);
      const input = tf.tensor2d(Float32Array.from(x), [BATCH, IN]);
      const y = layer.forward(input, { training: true });
      // Measured ~3e-7 of the output scale on cpu; 2e-5 as for the conv layer.
      expect(maxAbsDiff(await y.data(), ref)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref)));
      tf.dispose([input, y]);
      layer.dispose();
    });
  }

  for (const out of [OUT, WIDE_OUT])
    it(`gradients match central differences of the float64 reference (${out} outputs)`, async () => {
      const { layer, weight, bias } = build(4, 'pooled', out);
      const x = correlatedRows(8);
      const r = randomValues(BATCH * out, 9);
      const loss64 = (xd: Float64Array, wd: Float64Array) =>
        delinear64(xd, BATCH, wd, bias, 4, 1e-5, 5, 'pooled').reduce((s, v, i) => s + v * r[i], 0);
      const input = tf.tensor2d(Float32Array.from(x), [BATCH, IN]);
      const rT = tf.tensor2d(Float32Array.from(r), [BATCH, out]);
      const f = (xi: tf.Tensor) => tf.sum(tf.mul(layer.forward(xi, { training: true }), rT));
      const gx = await tf.grad(f)(input).data();
      const { grads } = tf.variableGrads(() => f(input) as tf.Scalar, [layer.weight]);
      const gw = await grads[layer.weight.name].data();
      const h = 1e-6;
      let worst = 0;
      for (const i of [0, 13, 100, 257, 401]) {
        const p = Float64Array.from(x);
        const m = Float64Array.from(x);
        p[i] += h;
        m[i] -= h;
        const fd = (loss64(p, weight) - loss64(m, weight)) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - gx[i]) / (Math.abs(fd) + 1e-2));
      }
      for (const i of [0, 7, 31, 59]) {
        const p = Float64Array.from(weight);
        const m = Float64Array.from(weight);
        p[i] += h;
        m[i] -= h;
        const fd = (loss64(x, p) - loss64(x, m)) / (2 * h);
        worst = Math.max(worst, Math.abs(fd - gw[i]) / (Math.abs(fd) + 1e-2));
      }
      expect(worst).toBeLessThan(1e-4);
      tf.dispose([input, rT, ...Object.values(grads)]);
      layer.dispose();
    });

  it('eval mode uses the running statistics', async () => {
    const { layer } = build(4, 'pooled');
    const input = tf.tensor2d(Float32Array.from(correlatedRows(4)), [BATCH, IN]);
    for (let i = 0; i < 3; i += 1) tf.dispose(layer.forward(input, { training: true }));
    const evalOut = layer.forward(input, { training: false });
    const folded = layer.folded(layer.running.mean, layer.running.isqrt);
    const expected = tf.add(tf.matMul(input, folded.w), folded.b);
    expect(maxAbsDiff(await evalOut.data(), await expected.data())).toBeLessThan(1e-5);
    // After 3 steps the running mean is (1 - 0.9^3) of the batch mean.
    const batchMean = await layer.batchStatistics(input).mean.data();
    const running = await layer.running.mean.data();
    expect(
      maxAbsDiff(
        running,
        Array.from(batchMean, (v) => (1 - 0.9 ** 3) * v),
      ),
    ).toBeLessThan(1e-5);
    tf.dispose([input, evalOut, folded.w, folded.b, expected]);
    layer.dispose();
  });
});
