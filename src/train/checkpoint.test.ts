import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { checkpointFits, type TrainCheckpoint, type TrainConfig, type TrainEvent } from './protocol';
import { syntheticDataset, testConfig } from './testing';
import { Trainer } from './trainer';

const dataset = syntheticDataset();
const options = { inputStatisticsSample: 32 };

async function lossesAfter(trainer: Trainer, steps: number): Promise<number[][]> {
  for (let i = 0; i < steps; i += 1) await trainer.trainStep();
  return trainer.histories().map((h) => h.steps.slice(-steps).map((s) => s.loss));
}

async function continuesExactly(config: TrainConfig, at: number, more: number): Promise<void> {
  const whole = new Trainer(config, dataset, options);
  await lossesAfter(whole, at);
  const expected = await lossesAfter(whole, more);
  whole.dispose();

  const first = new Trainer(config, dataset, options);
  await lossesAfter(first, at);
  const checkpoint = structuredClone(await first.checkpoint()); // as it crosses postMessage
  first.dispose();
  const second = new Trainer(config, dataset, options);
  second.restore(checkpoint);
  expect(second.step).toBe(at);
  const resumed = await lossesAfter(second, more);
  for (const [v, losses] of expected.entries()) {
    losses.forEach((loss, i) => expect(Math.abs(resumed[v][i] - loss), `${config.norms[v]} step ${at + i + 1}`).toBeLessThanOrEqual(1e-6));
  }
  // The history before the checkpoint comes back too.
  expect(second.histories()[0].steps.map((s) => s.step)).toEqual(Array.from({ length: at + more }, (_, i) => i + 1));
  second.dispose();
}

describe('checkpoint', () => {
  it('SGD with momentum: a restored trainer continues with the uninterrupted losses (within 1e-6)', async () => {
    await continuesExactly(testConfig({ norms: ['deconv', 'batchnorm'], epochs: 3 }), 5, 3);
  });

  it('Adam (bias correction needs the update count) and a checkpoint at an epoch boundary', async () => {
    await continuesExactly(testConfig({ norms: ['deconv', 'none'], optimizer: 'adam', lr: 0.003, epochs: 3 }), 4, 3);
  });

  it('without the optimiser state the continuation differs (the test can fail)', async () => {
    const config = testConfig({ norms: ['batchnorm'], epochs: 3 });
    const whole = new Trainer(config, dataset, options);
    await lossesAfter(whole, 5);
    const [expected] = await lossesAfter(whole, 2);
    const first = new Trainer(config, dataset, options);
    await lossesAfter(first, 5);
    const checkpoint = await first.checkpoint();
    first.dispose();
    const variant = checkpoint.variants[0];
    const slots = first.models()[0].trainableVariables().length + first.models()[0].stateVariables().length;
    for (const t of variant.tensors.slice(slots)) t.values.fill(0); // momentum dropped
    const second = new Trainer(config, dataset, options);
    second.restore(checkpoint);
    const [resumed] = await lossesAfter(second, 2);
    // The first loss is computed before any update; the second shows the missing momentum.
    expect(resumed[0]).toBe(expected[0]);
    expect(Math.abs(resumed[1] - expected[1])).toBeGreaterThan(1e-5);
    whole.dispose();
    second.dispose();
  });

  it('emits checkpoints after every evaluation; a mismatching checkpoint is refused with a message', async () => {
    const seen: TrainCheckpoint[] = [];
    const config = testConfig({ norms: ['deconv'], epochs: 1, evalEvery: 2 });
    const trainer = new Trainer(config, dataset, { ...options, onCheckpoint: (c) => seen.push(c) });
    await trainer.train();
    expect(seen.map((c) => c.step)).toEqual([2, 4]);
    expect(checkpointFits(seen[0], config)).toBe(true);
    expect(checkpointFits(seen[0], { ...config, lr: 0.5 })).toBe(false);
    const other = new Trainer(testConfig({ norms: ['batchnorm'] }), dataset, options);
    expect(() => other.restore(seen[0])).toThrow(/holds deconv, this run batchnorm/);
    const wrongShape = structuredClone(seen[0]);
    wrongShape.variants[0].tensors[0].shape = [1, 2];
    const same = new Trainer(config, dataset, options);
    expect(() => same.restore(wrongShape)).toThrow(/does not fit/);
    for (const t of [trainer, other, same]) t.dispose();
  });

  it('the device-lost event carries a structured-cloneable checkpoint', async () => {
    const trainer = new Trainer(testConfig({ norms: ['deconv'], epochs: 1 }), dataset, options);
    await trainer.trainStep();
    const event: TrainEvent = { type: 'device-lost', message: 'lost', step: 1, checkpoint: await trainer.checkpoint() };
    const copy = structuredClone(event);
    expect(copy.type === 'device-lost' && copy.checkpoint?.variants[0].tensors[0].values).toBeInstanceOf(Float32Array);
    expect(copy).toEqual(event);
    trainer.dispose();
  });

  it('checkpoint and restore leave no tensors behind', async () => {
    const config = testConfig({ norms: ['deconv', 'batchnorm'], epochs: 1 });
    const trainer = new Trainer(config, dataset, options);
    await trainer.trainStep();
    const before = tf.memory().numTensors;
    const checkpoint = await trainer.checkpoint();
    trainer.restore(checkpoint);
    expect(tf.memory().numTensors).toBe(before);
    trainer.dispose();
  });
});
