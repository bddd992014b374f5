import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import type { TrainConfig } from './protocol';
import { syntheticDataset, testConfig } from './testing';
import { Trainer } from './trainer';

async function lossesAfterTwoSteps(config: TrainConfig): Promise<Record<string, number[]>> {
  const trainer = new Trainer(config, syntheticDataset(), { snapshotHz: 1, now: () => 0, inputStatisticsSample: 0 });
  try {
    await trainer.trainStep();
    await trainer.trainStep();
    return Object.fromEntries(trainer.histories().map((h) => [h.norm, h.steps.map((s) => s.loss)]));
  } finally {
    trainer.dispose();
  }
}

describe('a learning rate per variant', () => {
  it('each variant steps with its own rate when the config gives one, else with the shared one', () => {
    const trainer = new Trainer(testConfig({ schedule: 'constant', lr: 0.05, lrByNorm: { deconv: 0.2 } }), syntheticDataset(), {
      inputStatisticsSample: 0,
    });
    try {
      expect(trainer.learningRateAt('deconv', 3)).toBe(0.2);
      expect(trainer.learningRateAt('batchnorm', 3)).toBe(0.05);
    } finally {
      trainer.dispose();
    }
  });

  it('changes only the training of the variant that has it', async () => {
    tf.engine().startScope();
    const shared = await lossesAfterTwoSteps(testConfig({ schedule: 'constant' }));
    const own = await lossesAfterTwoSteps(testConfig({ schedule: 'constant', lrByNorm: { batchnorm: 0.5 } }));
    tf.engine().endScope();
    // The first step's loss comes before any update; the second shows the update's size.
    expect(own.deconv).toEqual(shared.deconv);
    expect(own.batchnorm[0]).toBe(shared.batchnorm[0]);
    expect(own.batchnorm[1]).not.toBeCloseTo(shared.batchnorm[1], 4);
  });
});
