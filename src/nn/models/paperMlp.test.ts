import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { VariantRunner } from '../../train/variantRunner';
import { createRng } from '../random';
import { settings } from '../testing/fixtures';
import type { ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';
import { fixedDeconvolution, MODEL_NAMES } from './catalog';
import { PAPER_CHANNEL_DECONV, PAPER_MLP_HIDDEN, PaperMlp } from './paperMlp';

// 64 inputs: two whole blocks of the reference's 32 (leftover features share one scalar mean).
const SHAPE: [number, number, number] = [8, 8, 1];
const FEATURES = 64;
const CLASSES = 3;
const SETTINGS: ModelSettings = { deconv: settings(), inputIters: 15 };

/** Class c brightens rows 2c and 2c + 1; plus noise. */
function batch(count: number, seed: number): { x: tf.Tensor4D; oneHot: tf.Tensor2D } {
  const rng = createRng(seed);
  const [h, w] = SHAPE;
  const labels = Array.from({ length: count }, (_, i) => i % CLASSES);
  const pixels = labels.flatMap((label) =>
    Array.from({ length: h * w }, (_, p) => (Math.floor(Math.floor(p / w) / 2) === label ? 0.7 : 0.2) + 0.3 * rng()),
  );
  return tf.tidy(() => ({
    x: tf.tensor4d(pixels, [count, ...SHAPE]),
    oneHot: tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), CLASSES), 'float32') as tf.Tensor2D,
  }));
}

describe('PaperMlp (the reference MNIST MLP: sigmoid, channel deconvolution)', () => {
  it('has the reference layers per variant: no dense bias under deconv and batch norm, whitening state only under deconv', () => {
    const h = PAPER_MLP_HIDDEN;
    const weights = FEATURES * h + h * h + h * CLASSES;
    const expected: Record<NormKind, number> = { none: weights + 2 * h + CLASSES, batchnorm: weights + 4 * h, deconv: weights };
    for (const norm of ['deconv', 'batchnorm', 'none'] as const) {
      const model = new PaperMlp(norm, SHAPE, CLASSES, SETTINGS, 1);
      expect(model.paramCount()).toBe(expected[norm]);
      // The reference's ChannelDeconv: one pooled 32 x 32 D per layer (blocks of 32, strided grouping).
      if (norm === 'deconv')
        expect(
          model
            .stateVariables()
            .filter((v) => v.rank === 3)
            .map((v) => v.shape),
        ).toEqual([
          [1, 32, 32],
          [1, 32, 32],
          [1, 32, 32],
        ]);
      if (norm === 'none') expect(model.stateVariables()).toHaveLength(0);
      else expect(model.stateVariables().length).toBeGreaterThan(0);
      model.dispose();
    }
  });

  it('squashes both hidden layers with a sigmoid; under deconv a shift of every pixel changes nothing in training', () => {
    const model = new PaperMlp('deconv', SHAPE, CLASSES, SETTINGS, 1);
    const { x, oneHot } = batch(24, 3);
    const probe = model.activations(x);
    expect(probe.map((a) => a.layer)).toEqual(['dense1', 'dense2']);
    for (const { post } of probe) {
      const values = post.dataSync();
      expect(Math.min(...values)).toBeGreaterThan(0);
      expect(Math.max(...values)).toBeLessThan(1);
    }
    // In training mode every dense layer sees its input centred and whitened from the batch, so a
    // constant added to every pixel changes nothing (the plain variant's logits do change).
    for (const [variant, invariant] of [
      [model, true],
      [new PaperMlp('none', SHAPE, CLASSES, SETTINGS, 1), false],
    ] as const) {
      const shifted = tf.tidy(() => tf.add(x, 0.5) as tf.Tensor4D);
      const [a, b] = [x, shifted].map((input) => variant.forward(input, { training: true }));
      const difference = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
      if (invariant) expect(difference).toBeLessThan(1e-4);
      else expect(difference).toBeGreaterThan(1e-2);
      tf.dispose([shifted, a, b]);
      if (variant !== model) variant.dispose();
    }
    tf.dispose([...probe.flatMap((a) => [a.pre, a.post]), x, oneHot]);
    model.dispose();
  });

  for (const norm of ['deconv', 'batchnorm', 'none'] as const) {
    it(`${norm}: the loss falls in a few SGD steps and no tensor leaks`, async () => {
      const model = new PaperMlp(norm, SHAPE, CLASSES, SETTINGS, 2);
      const runner = new VariantRunner(model, { kind: 'sgd', momentum: 0.9, weightDecay: 0 });
      const { x, oneHot } = batch(30, 5);
      const losses: number[] = [];
      await runner.step(x, oneHot, 0.5);
      const before = tf.memory().numTensors;
      for (let i = 0; i < 12; i += 1) losses.push((await runner.step(x, oneHot, 0.5)).loss);
      expect(tf.memory().numTensors).toBe(before);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(Math.min(...losses.slice(-3))).toBeLessThan(0.7 * losses[0]);
      tf.dispose([x, oneHot]);
      runner.dispose();
    });
  }

  it("is the only model whose deconvolution ignores the block, K and eps settings, and the UI's sentence names its constants", () => {
    expect(MODEL_NAMES.filter((m) => fixedDeconvolution(m) !== undefined)).toEqual(['paper-mlp']);
    const text = fixedDeconvolution('paper-mlp') ?? '';
    expect(text).toContain(`groups of ${PAPER_CHANNEL_DECONV.block} features`);
    expect(text).toContain(`eps ${PAPER_CHANNEL_DECONV.eps}`);
    expect(text).toContain(`K ${PAPER_CHANNEL_DECONV.iters}`);
  });
});
