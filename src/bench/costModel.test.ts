import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_SETTINGS } from '../nn/createModel';
import type { ModelSettings } from '../nn/units';
import { FREEZE_REFRESH_EVERY } from '../nn/whitening';
import { DeconvConv2d } from '../nn/deconvConv2d';
import { Conv2d } from '../nn/plain';
import { BN_BACKWARD_PER_ELEMENT, BN_FORWARD_PER_ELEMENT, modelStepCost, predictedStepRatio, type LayerCost } from './costModel';

const MNIST: [number, number, number] = [28, 28, 1];
const BATCH = 32;

function withDeconv(change: Partial<ModelSettings['deconv']>): ModelSettings {
  return { ...DEFAULT_MODEL_SETTINGS, deconv: { ...DEFAULT_MODEL_SETTINGS.deconv, ...change } };
}

function layer(layers: LayerCost[], name: string): LayerCost {
  const found = layers.find((l) => l.layer === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
}

describe('stepCost', () => {
  // Defaults: block 64, K = 5 (3·5 − 2 = 13 products of n³), sampling stride 3, pooled.
  it('counts simple-cnn at batch 32 as derived by hand', () => {
    const deconv = modelStepCost('simple-cnn', 'deconv', MNIST, DEFAULT_MODEL_SETTINGS, BATCH);
    // conv1, 28x28x1 -> 16, 3x3: the input layer, statistics fixed from data, no input gradient (n = 9).
    expect(layer(deconv.layers, 'conv1')).toMatchObject({
      product: 2 * BATCH * 28 * 28 * 9 * 1 * 16,
      covarianceForward: 0,
      isqrtForward: 0,
      isqrtBackward: 0,
      fold: 2 * 9 * 9 * 16 + 9 * 16,
    });
    // conv2, 14x14x16 -> 32: block 64 clamps to 16, one matrix of n = 144; 5x5 sampled positions per image.
    const rows = BATCH * 5 * 5;
    expect(layer(deconv.layers, 'conv2')).toMatchObject({
      product: 3 * BATCH * 14 * 14 * 144 * 32,
      covarianceForward: rows * 144 * 144 + rows * 144,
      covarianceBackward: 2 * rows * 144 * 144,
      isqrtForward: 13 * 144 ** 3,
      isqrtBackward: 2 * 13 * 144 ** 3,
      fold: 3 * 144 * 144 * 32 + 144 * 32,
      whiten: 0,
    });
    // classifier 1568 -> 10: block gcd(64, 1568) = 32, 49 groups pooled into one 32x32 matrix; batch >= outputs, so it folds.
    expect(layer(deconv.layers, 'classifier')).toMatchObject({
      product: 3 * BATCH * 1568 * 10,
      covarianceForward: BATCH * 49 * 32 * 32 + BATCH * 49 * 32,
      covarianceBackward: 2 * BATCH * 49 * 32 * 32,
      isqrtForward: 13 * 32 ** 3,
      isqrtBackward: 2 * 13 * 32 ** 3,
      fold: 3 * 32 * 32 * 49 * 10 + 32 * 49 * 10,
    });
    expect(deconv.layers.map((l) => l.layer)).toEqual(['conv1', 'conv2', 'classifier']);

    const bn = modelStepCost('simple-cnn', 'batchnorm', MNIST, DEFAULT_MODEL_SETTINGS, BATCH);
    const perElement = BN_FORWARD_PER_ELEMENT + BN_BACKWARD_PER_ELEMENT;
    const bnTotal =
      2 * BATCH * 28 * 28 * 9 * 16 +
      perElement * BATCH * 28 * 28 * 16 +
      3 * BATCH * 14 * 14 * 144 * 32 +
      perElement * BATCH * 14 * 14 * 32 +
      3 * BATCH * 1568 * 10;
    expect(bn.totals.total).toBe(bnTotal);
    const deconvTotal = deconv.layers.reduce(
      (sum, l) => sum + l.product + l.covarianceForward + l.covarianceBackward + l.isqrtForward + l.isqrtBackward + l.fold + l.whiten,
      0,
    );
    expect(deconv.totals.total).toBe(deconvTotal);
    expect(predictedStepRatio(deconv, bn)).toBeCloseTo(deconvTotal / bnTotal, 12);
  });

  it('scales Newton–Schulz with the number of matrices: per-block = groups x pooled', () => {
    const settings = (blockMode: 'pooled' | 'per-block'): ModelSettings => withDeconv({ block: 16, blockMode });
    const pooled = layer(modelStepCost('simple-cnn', 'deconv', MNIST, settings('pooled'), BATCH).layers, 'classifier');
    const perBlock = layer(modelStepCost('simple-cnn', 'deconv', MNIST, settings('per-block'), BATCH).layers, 'classifier');
    // 1568 features in blocks of 16: 98 groups.
    expect(pooled.isqrtForward).toBe(13 * 16 ** 3);
    expect(perBlock.isqrtForward).toBe(98 * pooled.isqrtForward);
    expect(perBlock.isqrtBackward).toBe(98 * pooled.isqrtBackward);
    expect(perBlock.covarianceForward).toBe(pooled.covarianceForward);
  });

  it('grows Newton–Schulz linearly with K (3 products per extra step)', () => {
    const nsOf = (iters: number): number =>
      layer(modelStepCost('simple-cnn', 'deconv', MNIST, withDeconv({ iters }), BATCH).layers, 'conv2').isqrtForward;
    expect(nsOf(6) - nsOf(5)).toBe(3 * 144 ** 3);
    expect(nsOf(10) - nsOf(5)).toBe(5 * 3 * 144 ** 3);
  });

  it('frozen steady state: one detached refresh in FREEZE_REFRESH_EVERY steps, no backward through the statistics', () => {
    const frozen = layer(modelStepCost('simple-cnn', 'deconv', MNIST, DEFAULT_MODEL_SETTINGS, BATCH, 'frozen').layers, 'conv2');
    const rows = BATCH * 5 * 5;
    expect(frozen.covarianceForward).toBeCloseTo((rows * 144 * 144 + rows * 144) / FREEZE_REFRESH_EVERY, 6);
    expect(frozen.isqrtForward).toBeCloseTo((13 * 144 ** 3) / FREEZE_REFRESH_EVERY, 6);
    expect(frozen.covarianceBackward).toBe(0);
    expect(frozen.isqrtBackward).toBe(0);
    expect(frozen.fold).toBe(2 * 144 * 144 * 32 + 144 * 32);
    expect(frozen.product).toBe(3 * BATCH * 14 * 14 * 144 * 32);
  });

  it('leaves the layer classes as it found them after tracing', () => {
    const deconvForward = DeconvConv2d.prototype.forward;
    modelStepCost('simple-cnn', 'batchnorm', MNIST, DEFAULT_MODEL_SETTINGS, BATCH);
    modelStepCost('simple-cnn', 'deconv', MNIST, DEFAULT_MODEL_SETTINGS, BATCH);
    expect(Object.prototype.hasOwnProperty.call(Conv2d.prototype, 'forward')).toBe(false);
    expect(DeconvConv2d.prototype.forward).toBe(deconvForward);
  });
});
