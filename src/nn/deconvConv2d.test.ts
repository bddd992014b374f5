import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { DeconvConv2d } from './deconvConv2d';
import { correlatedImage, maxAbs, maxAbsDiff, randomValues, settings } from './testing/fixtures';
import { deconvConv64, type DeconvConv64Options, type Image64 } from './testing/reference64';
import type { DeconvLayerSettings } from './whitening';

interface Case {
  label: string;
  shape: [number, number, number, number];
  out: number;
  k: number;
  stride: number;
  padding: 'same' | 'valid';
  layer: Partial<DeconvLayerSettings>;
}

const CASES: Case[] = [
  { label: 'one block, same padding', shape: [2, 6, 6, 3], out: 4, k: 3, stride: 1, padding: 'same', layer: { block: 64 } },
  { label: 'two pooled blocks', shape: [2, 6, 6, 4], out: 3, k: 3, stride: 1, padding: 'same', layer: { block: 2 } },
  { label: 'two per-block D', shape: [2, 6, 6, 4], out: 3, k: 3, stride: 1, padding: 'same', layer: { block: 2, blockMode: 'per-block' } },
  {
    label: 'stride 2, valid, sampling stride 2, K=15',
    shape: [3, 9, 9, 2],
    out: 3,
    k: 3,
    stride: 2,
    padding: 'valid',
    layer: { samplingStride: 2, iters: 15, eps: 1e-3 },
  },
  { label: '1x1 conv', shape: [2, 5, 5, 6], out: 2, k: 1, stride: 1, padding: 'valid', layer: { block: 3 } },
];

function build(c: Case) {
  const layerSettings = settings(c.layer);
  const layer = new DeconvConv2d({
    name: 'conv',
    inChannels: c.shape[3],
    outChannels: c.out,
    kernel: c.k,
    stride: c.stride,
    padding: c.padding,
    settings: layerSettings,
    seed: 3,
  });
  const weight = randomValues(c.k * c.k * c.shape[3] * c.out, 11, 0.5);
  const bias = randomValues(c.out, 12, 0.5);
  layer.weight.assign(tf.tensor4d(Float32Array.from(weight), layer.weight.shape));
  layer.bias.assign(tf.tensor1d(Float32Array.from(bias)));
  const x: Image64 = { data: correlatedImage(c.shape, 5), shape: c.shape };
  const opts: DeconvConv64Options = {
    k: c.k,
    pad: c.padding === 'same' ? (c.k - 1) / 2 : 0,
    stride: c.stride,
    samplingStride: layerSettings.samplingStride,
    eps: layerSettings.eps,
    iters: layerSettings.iters,
    block: layer.block,
    blockMode: layerSettings.blockMode,
  };
  return { layer, weight, bias, x, opts };
}

describe('DeconvConv2d fold', () => {
  for (const c of CASES) {
    it(`equals centring + whitened patches + convolution in float64 (${c.label})`, async () => {
      const { layer, weight, bias, x, opts } = build(c);
      const ref = deconvConv64(x, weight, bias, opts);
      const input = tf.tensor4d(Float32Array.from(x.data), c.shape);
      const y = layer.forward(input, { training: true });
      expect(y.shape).toEqual(ref.shape);
      const got = await y.data();
      // Measured (cpu, float32): 2e-7..3e-7 of the output scale, 3.2e-6 for the K=15 case whose
      // covariance is worse conditioned. 2e-5 leaves headroom and still catches any wrong index or sign.
      expect(maxAbsDiff(got, ref.data)).toBeLessThan(2e-5 * Math.max(1, maxAbs(ref.data)));
      tf.dispose([input, y]);
      layer.dispose();
    });
  }
});

describe('DeconvConv2d gradients', () => {
  it('match central differences of the float64 reference (input through the statistics, and W)', async () => {
    const c = CASES[1];
    const { layer, weight, bias, x, opts } = build(c);
    const r = randomValues(2 * 6 * 6 * c.out, 21);
    const loss64 = (xd: Float64Array, wd: Float64Array) => {
      const y = deconvConv64({ data: xd, shape: c.shape }, wd, bias, opts).data;
      return y.reduce((s, v, i) => s + v * r[i], 0);
    };
    const input = tf.tensor4d(Float32Array.from(x.data), c.shape);
    const rT = tf.tensor4d(Float32Array.from(r), [2, 6, 6, c.out]);
    const { grads } = tf.variableGrads(() => tf.sum(tf.mul(layer.forward(input, { training: true }), rT)) as tf.Scalar, [layer.weight]);
    const dx = tf.grad((xi: tf.Tensor) => tf.sum(tf.mul(layer.forward(xi, { training: true }), rT)))(input);
    const gx = await dx.data();
    const gw = await grads[layer.weight.name].data();
    const h = 1e-6;
    const worst = { x: 0, w: 0 };
    for (const i of [0, 17, 40, 77, 101, 143, 200, 287]) {
      const plus = Float64Array.from(x.data);
      const minus = Float64Array.from(x.data);
      plus[i] += h;
      minus[i] -= h;
      const fd = (loss64(plus, weight) - loss64(minus, weight)) / (2 * h);
      worst.x = Math.max(worst.x, Math.abs(fd - gx[i]) / (Math.abs(fd) + 1e-2));
    }
    for (const i of [0, 5, 33, 60, 99, 107]) {
      const plus = Float64Array.from(weight);
      const minus = Float64Array.from(weight);
      plus[i] += h;
      minus[i] -= h;
      const fd = (loss64(x.data, plus) - loss64(x.data, minus)) / (2 * h);
      worst.w = Math.max(worst.w, Math.abs(fd - gw[i]) / (Math.abs(fd) + 1e-2));
    }
    // float32 backprop through 5 Newton–Schulz steps vs float64 differences (h = 1e-6, truncation
    // error ~h^2): measured 3e-7 relative; 1e-4 allows float32 noise, not a wrong term.
    expect(worst.x).toBeLessThan(1e-4);
    expect(worst.w).toBeLessThan(1e-4);
    tf.dispose([input, rT, dx, ...Object.values(grads)]);
    layer.dispose();
  });
});

describe('DeconvConv2d state', () => {
  it('updates running mean and D with momentum 0.1, and eval mode uses them', async () => {
    const c = CASES[0];
    const { layer, x } = build(c);
    const input = tf.tensor4d(Float32Array.from(x.data), c.shape);
    const stats = layer.batchStatistics(input);
    tf.dispose(layer.forward(input, { training: true }));
    const mean = await layer.running.mean.data();
    const batchMean = await stats.mean.data();
    expect(
      maxAbsDiff(
        mean,
        Array.from(batchMean, (v) => 0.1 * v),
      ),
    ).toBeLessThan(1e-6);
    // Eval output equals the fold with the running values, and differs from the training output.
    const evalOut = layer.forward(input, { training: false });
    const folded = layer.folded(layer.running.mean, layer.running.isqrt);
    const expected = tf.add(tf.conv2d(input, folded.w, 1, 'same'), folded.b);
    expect(maxAbsDiff(await evalOut.data(), await expected.data())).toBeLessThan(1e-5);
    const trainOut = layer.forward(input, { training: true });
    expect(maxAbsDiff(await evalOut.data(), await trainOut.data())).toBeGreaterThan(1e-2);
    tf.dispose([input, stats.mean, stats.cov, evalOut, folded.w, folded.b, expected, trainOut]);
    layer.dispose();
  });

  it('freezes: after freezeIters training steps the running values are used', async () => {
    const c = { ...CASES[0], layer: { freezeIters: 2 } };
    const { layer, x } = build(c);
    const input = tf.tensor4d(Float32Array.from(x.data), c.shape);
    tf.dispose([layer.forward(input, { training: true }), layer.forward(input, { training: true })]);
    const beforeMean = await layer.running.mean.data();
    const frozenTrain = layer.forward(input, { training: true }); // step 2: frozen, step % 10 == 2: no refresh
    const evalOut = layer.forward(input, { training: false });
    expect(maxAbsDiff(await frozenTrain.data(), await evalOut.data())).toBeLessThan(1e-6);
    expect(maxAbsDiff(await layer.running.mean.data(), beforeMean)).toBe(0);
    tf.dispose([input, frozenTrain, evalOut]);
    layer.dispose();
  });

  it('follows the training step it is given (a restored run keeps its freeze schedule)', async () => {
    const c = { ...CASES[0], layer: { freezeIters: 100 } };
    const { layer, x } = build(c);
    const input = tf.tensor4d(Float32Array.from(x.data), c.shape);
    const beforeMean = await layer.running.mean.data();
    // A fresh layer at step 153 of a restored run: frozen (153 >= 100) and no refresh (153 % 10 != 0).
    const frozenTrain = layer.forward(input, { training: true, step: 153 });
    const evalOut = layer.forward(input, { training: false });
    expect(maxAbsDiff(await frozenTrain.data(), await evalOut.data())).toBeLessThan(1e-6);
    expect(maxAbsDiff(await layer.running.mean.data(), beforeMean)).toBe(0);
    // Step 160 refreshes the running values.
    tf.dispose(layer.forward(input, { training: true, step: 160 }));
    expect(maxAbsDiff(await layer.running.mean.data(), beforeMean)).toBeGreaterThan(0);
    tf.dispose([input, frozenTrain, evalOut]);
    layer.dispose();
  });

  it('input-layer mode: statistics from data, frozen, never updated by training', async () => {
    const c = { ...CASES[0], layer: { iters: 15 } };
    const { layer, x } = build(c);
    const input = tf.tensor4d(Float32Array.from(x.data), c.shape);
    layer.setStatisticsFromData(input);
    const d0 = await layer.running.isqrt.data();
    const other = tf.mul(input, 2);
    tf.dispose(layer.forward(other, { training: true }));
    expect(maxAbsDiff(await layer.running.isqrt.data(), d0)).toBe(0);
    tf.dispose([input, other]);
    layer.dispose();
  });

  it('does not leak tensors across training steps', () => {
    const { layer, x } = build(CASES[1]);
    const input = tf.tensor4d(Float32Array.from(x.data), CASES[1].shape);
    tf.dispose(layer.forward(input, { training: true }));
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i += 1) tf.dispose(layer.forward(input, { training: true }));
    expect(tf.memory().numTensors).toBe(before);
    input.dispose();
    layer.dispose();
  });
});
