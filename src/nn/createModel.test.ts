import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import type { ModelName, NormKind } from './vocabulary';
import { VariantRunner } from '../train/variantRunner';
import { createModel, MODEL_NAMES } from './createModel';
import { createRng } from './random';
import type { ModelSettings } from './units';
import { settings } from './testing/fixtures';

const SHAPE: [number, number, number] = [8, 8, 3];
const CLASSES = 4;
const COUNT = 16;
const NORMS: NormKind[] = ['deconv', 'batchnorm', 'none'];
// Block 8 keeps the Newton–Schulz matrices small (n = 72 for 3x3): the cpu backend is slow.
const SETTINGS: ModelSettings = { deconv: settings({ block: 8, samplingStride: 1 }), inputIters: 15 };

/** Class c brightens quadrant c of every channel; plus noise. */
function syntheticBatch(seed: number): { x: tf.Tensor4D; oneHot: tf.Tensor2D; labels: tf.Tensor1D } {
  const rng = createRng(seed);
  const [h, w, c] = SHAPE;
  const data = new Float32Array(COUNT * h * w * c);
  const labels = Array.from({ length: COUNT }, (_, i) => i % CLASSES);
  labels.forEach((label, n) => {
    for (let y = 0; y < h; y += 1)
      for (let x = 0; x < w; x += 1)
        for (let ch = 0; ch < c; ch += 1) {
          const quadrant = (y < h / 2 ? 0 : 2) + (x < w / 2 ? 0 : 1);
          data[((n * h + y) * w + x) * c + ch] = (quadrant === label ? 0.6 : 0.2) + 0.3 * rng();
        }
  });
  const labelT = tf.tensor1d(labels, 'int32');
  return { x: tf.tensor4d(data, [COUNT, h, w, c]), oneHot: tf.cast(tf.oneHot(labelT, CLASSES), 'float32') as tf.Tensor2D, labels: labelT };
}

async function train(name: ModelName, norm: NormKind, steps: number, seed = 1): Promise<number[]> {
  const model = createModel(name, norm, SHAPE, CLASSES, SETTINGS, seed);
  const runner = new VariantRunner(model, { kind: 'adam', momentum: 0.9, weightDecay: 0 });
  const { x, oneHot, labels } = syntheticBatch(7);
  model.prepareInputStatistics(x);
  const losses: number[] = [];
  for (let i = 0; i < steps; i += 1) losses.push((await runner.step(x, oneHot, 0.01)).loss);
  tf.dispose([x, oneHot, labels]);
  runner.dispose();
  return losses;
}

describe('createModel', () => {
  for (const name of MODEL_NAMES) {
    for (const norm of NORMS) {
      it(`${name} / ${norm}: logits shape, and the loss falls on a small subset`, async () => {
        const model = createModel(name, norm, SHAPE, CLASSES, SETTINGS, 1);
        const probe = tf.zeros([2, ...SHAPE]) as tf.Tensor4D;
        const logits = model.forward(probe, { training: false });
        expect(logits.shape).toEqual([2, CLASSES]);
        expect(model.paramCount()).toBeGreaterThan(0);
        tf.dispose([probe, logits]);
        model.dispose();
        const losses = await train(name, norm, name === 'mlp' || name === 'simple-cnn' ? 12 : 8);
        expect(losses.every(Number.isFinite)).toBe(true);
        expect(Math.min(...losses.slice(-3))).toBeLessThan(0.7 * losses[0]);
      }, 600_000);
    }
  }

  it('is deterministic for a seed and different for another seed', async () => {
    const a = await train('simple-cnn', 'deconv', 3, 5);
    const b = await train('simple-cnn', 'deconv', 3, 5);
    const c = await train('simple-cnn', 'deconv', 3, 6);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('gives every variant identical initial weights for shared layers', async () => {
    const models = NORMS.map((norm) => createModel('resnet-mini', norm, SHAPE, CLASSES, SETTINGS, 9));
    const kernels = await Promise.all(models.map((m) => m.firstLayerKernels()));
    expect(kernels[1].weights).toEqual(kernels[0].weights);
    expect(kernels[2].weights).toEqual(kernels[0].weights);
    const biggest = models.map((m) => m.trainableVariables().reduce((a, v) => (v.size > a.size ? v : a)));
    const [w0, w1] = await Promise.all([biggest[0].data(), biggest[1].data()]);
    expect(Array.from(w1)).toEqual(Array.from(w0));
    for (const m of models) m.dispose();
  });

  it('reports deconvolution kernels (centre row of D), W and W·D for the first layer', async () => {
    const model = createModel('simple-cnn', 'deconv', SHAPE, CLASSES, SETTINGS, 1);
    const { x, oneHot, labels } = syntheticBatch(3);
    model.prepareInputStatistics(x);
    const k = await model.firstLayerKernels();
    expect(k.shape).toEqual([16, 3, 3, 3]);
    expect(k.deconvShape).toEqual([3, 3, 3, 3]);
    expect(k.deconv?.length).toBe(81);
    expect(k.effective?.length).toBe(k.weights.length);
    // Whitening: the centre tap of its own channel dominates the kernel.
    const centre = k.deconv?.[4 * 3] ?? 0;
    expect(centre).toBeGreaterThan(Math.max(...(k.deconv ?? []).slice(0, 27).filter((_, i) => i !== 12)));
    tf.dispose([x, oneHot, labels]);
    model.dispose();
  });

  it('returns pre/post activations of every normalised block on a probe, without leaks', () => {
    const model = createModel('vgg-mini', 'batchnorm', SHAPE, CLASSES, SETTINGS, 1);
    const probe = tf.ones([4, ...SHAPE]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    const acts = model.activations(probe);
    expect(acts.map((a) => a.layer)).toEqual(['conv1', 'conv2', 'conv3', 'conv4', 'conv5']);
    expect(acts.every((a) => a.post.shape.join() === a.pre.shape.join())).toBe(true);
    for (const a of acts) tf.dispose([a.pre, a.post]);
    expect(tf.memory().numTensors).toBe(before);
    probe.dispose();
    model.dispose();
  });

  it('keeps tf.memory().numTensors constant across training steps in every variant', async () => {
    for (const norm of NORMS) {
      const model = createModel('simple-cnn', norm, SHAPE, CLASSES, SETTINGS, 1);
      const runner = new VariantRunner(model, { kind: 'sgd', momentum: 0.9, weightDecay: 1e-3 });
      const { x, oneHot, labels } = syntheticBatch(1);
      await runner.step(x, oneHot, 0.01);
      const before = tf.memory().numTensors;
      for (let i = 0; i < 3; i += 1) await runner.step(x, oneHot, 0.01);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, oneHot, labels]);
      runner.dispose();
    }
  }, 300_000);
});
