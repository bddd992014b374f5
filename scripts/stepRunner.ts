// A training runner as the benchmark builds one: `model` in the `norm` variant at `block`, the app's
// default training settings, the deconvolution's input layer fixed from 256 synthetic images.
import * as tf from '@tensorflow/tfjs-core';
import { syntheticBatch, CLASSES } from '../src/bench/stepData';
import { createModel, modelSettingsFrom } from '../src/nn/createModel';
import type { ModelName } from '../src/nn/models/catalog';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/defaults';
import { VariantRunner } from '../src/train/variantRunner';

export function stepRunner(model: ModelName, norm: 'batchnorm' | 'deconv', block: number, shape: [number, number, number]): VariantRunner {
  const cfg = DEFAULT_TRAIN_CONFIG;
  const settings = modelSettingsFrom({ ...cfg.deconv, block });
  const runner = new VariantRunner(createModel(model, norm, shape, CLASSES, settings, 1), {
    kind: cfg.optimizer,
    momentum: cfg.momentum,
    weightDecay: cfg.weightDecay,
  });
  if (norm === 'deconv') {
    const sample = syntheticBatch(shape, 256, 2);
    runner.model.prepareInputStatistics(sample.x);
    tf.dispose([sample.x, sample.oneHot]);
  }
  return runner;
}
