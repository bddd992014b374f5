// Long-run soak (issue #7, vitest project "soak"): 2,000 lock-step steps of a tiny model on the cpu backend, with
// evaluations, snapshots (kernels, histograms) and checkpoints; tensor memory must stay flat.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { syntheticDataset, testConfig } from './testing';
import { Trainer } from './trainer';

const STEPS = 2000;
const MARKS = [100, 500, 1000, 1500, 2000];

describe('soak', () => {
  it(`${STEPS} steps of deconv + batchnorm: numTensors and numBytes identical at ${MARKS.join(', ')}`, { timeout: 900_000 }, async () => {
    const started = Date.now();
    const dataset = syntheticDataset(64, 32, 8);
    const config = testConfig({ norms: ['deconv', 'batchnorm'], batchSize: 8, epochs: STEPS / 8, evalEvery: 50, evalSize: 32 });
    let clock = 0;
    let snapshots = 0;
    let detailed = 0;
    let checkpoints = 0;
    const trainer = new Trainer(config, dataset, {
      now: () => (clock += 40), // a snapshot every step, kernels and histograms every ~25 steps
      snapshotHz: 30,
      inputStatisticsSample: 64,
      onSnapshot: (s) => {
        snapshots += 1;
        if (s.variants[0].kernels) detailed += 1;
      },
      onCheckpoint: () => {
        checkpoints += 1;
      },
    });
    expect(trainer.totalSteps).toBe(STEPS);
    const memory: Record<number, { numTensors: number; numBytes: number }> = {};
    while (trainer.step < STEPS) {
      await trainer.trainStep();
      if (MARKS.includes(trainer.step)) {
        const m = tf.memory();
        memory[trainer.step] = { numTensors: m.numTensors, numBytes: m.numBytes };
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `soak: ${STEPS} steps in ${seconds.toFixed(1)} s; ${snapshots} snapshots (${detailed} with details), ${checkpoints} checkpoints`,
      memory,
    );
    for (const step of MARKS) expect(memory[step], `memory at step ${step}`).toEqual(memory[MARKS[0]]);
    expect(trainer.histories().every((h) => !h.diverged && h.steps.length === STEPS)).toBe(true);
    expect(trainer.histories()[0].test).toHaveLength(STEPS / 50);
    expect(snapshots).toBeGreaterThanOrEqual(STEPS);
    expect(detailed).toBeGreaterThan(50);
    expect(checkpoints).toBe(STEPS / 50);
    trainer.dispose();
  });
});
