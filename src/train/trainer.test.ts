import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import type { TrainSnapshot } from './protocol';
import { syntheticDataset, testConfig } from './testing';
import { Trainer, type DivergenceEvent } from './trainer';

describe('Trainer', () => {
  it('trains the variants in lock-step, evaluates every evalEvery steps and after the last, emits snapshots', async () => {
    const snapshots: TrainSnapshot[] = [];
    const trainer = new Trainer(testConfig(), syntheticDataset(), {
      onSnapshot: (s) => snapshots.push(s),
      snapshotHz: 1000,
      detailEveryMs: 0,
    });
    expect([trainer.stepsPerEpoch, trainer.totalSteps]).toEqual([4, 8]);
    await trainer.train();
    expect(trainer.finished).toBe(true);
    const [deconv, bn] = trainer.histories();
    expect(deconv.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(bn.steps.length).toBe(8);
    expect(deconv.test.map((t) => t.step)).toEqual([3, 6, 8]);
    expect(deconv.test.every((t) => t.accuracy >= 0 && t.accuracy <= 1)).toBe(true);
    const last = snapshots[snapshots.length - 1];
    expect(last.step).toBe(8);
    // Every loss reaches the UI exactly once across snapshots.
    expect(snapshots.flatMap((s) => s.variants[0].losses.map((l) => l.step))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const d = last.variants[0];
    expect(d.kernels?.shape).toEqual([32, 8, 8, 1]);
    expect(d.kernels?.effective?.length).toBe(d.kernels?.weights.length);
    expect(d.activations?.map((a) => a.layer)).toEqual(['dense1', 'dense2']);
    expect(d.activations?.[0].post.counts.reduce((a, b) => a + b, 0)).toBe(32 * 128);
    expect(last.variants[1].kernels?.effective).toBeUndefined();
    trainer.dispose();
  });

  it('flushPending sends the steps a throttled snapshot held back, without touching the device', async () => {
    const snapshots: TrainSnapshot[] = [];
    // A frozen clock: after the first snapshot (always due) no further one is due by time.
    const trainer = new Trainer(testConfig({ norms: ['deconv', 'batchnorm'] }), syntheticDataset(), {
      onSnapshot: (s) => snapshots.push(s),
      snapshotHz: 1,
      now: () => 0,
    });
    for (let i = 0; i < 3; i += 1) await trainer.trainStep();
    const sent = () => snapshots.flatMap((s) => s.variants[0].losses.map((l) => l.step));
    expect(sent()).not.toContain(3);
    const flushed = trainer.flushPending();
    expect(flushed.step).toBe(3);
    expect(flushed.variants.every((v) => v.kernels === undefined && v.activations === undefined)).toBe(true);
    for (const v of [0, 1]) expect(snapshots.flatMap((s) => s.variants[v].losses.map((l) => l.step))).toEqual([1, 2, 3]);
    expect(trainer.flushPending().variants[0].losses).toEqual([]);
    trainer.dispose();
  });

  it('a step that fails part-way (a lost device) leaves no variant a point ahead', async () => {
    const trainer = new Trainer(testConfig({ norms: ['deconv', 'batchnorm'] }), syntheticDataset(), { snapshotHz: 1, now: () => 0 });
    await trainer.trainStep();
    const second = (trainer as unknown as { variants: { runner: { step: () => Promise<never> } }[] }).variants[1];
    second.runner.step = () => Promise.reject(new Error('the GPU device was lost'));
    await expect(trainer.trainStep()).rejects.toThrow('lost');
    expect(trainer.step).toBe(1);
    expect(trainer.histories().map((h) => h.steps.map((p) => p.step))).toEqual([[1], [1]]);
    expect(trainer.flushPending().variants.map((v) => v.losses.map((p) => p.step))).toEqual([[], []]);
    trainer.dispose();
  });

  it('is deterministic for a seed: same losses twice, different for another seed', async () => {
    const run = async (seed: number) => {
      const t = new Trainer(testConfig({ seed, epochs: 1 }), syntheticDataset(), { inputStatisticsSample: 32 });
      await t.train();
      const losses = t.histories().map((h) => h.steps.map((s) => s.loss));
      t.dispose();
      return losses;
    };
    const a = await run(3);
    expect(await run(3)).toEqual(a);
    expect(await run(4)).not.toEqual(a);
  });

  it('marks only the variant whose loss became NaN as diverged; the others train on', async () => {
    const events: DivergenceEvent[] = [];
    const trainer = new Trainer(testConfig({ norms: ['deconv', 'none'], epochs: 1 }), syntheticDataset(), {
      onDiverged: (e) => events.push(e),
      pauseOnDivergence: true,
    });
    await trainer.trainStep();
    const poisoned = trainer.models()[1].trainableVariables()[0];
    poisoned.assign(tf.fill(poisoned.shape, NaN));
    await trainer.train(); // pauses at the divergence
    expect(events).toEqual([expect.objectContaining({ norm: 'none', step: 2 })]);
    expect(trainer.step).toBe(2);
    await trainer.train(); // resumes the healthy variant
    const [deconv, none] = trainer.histories();
    expect(none.diverged).toBe(true);
    expect(deconv.diverged).toBe(false);
    expect(deconv.steps.length).toBe(4);
    expect(deconv.steps.every((s) => Number.isFinite(s.loss))).toBe(true);
    trainer.dispose();
  });

  it('a diverged batchnorm variant leaves the deconv variant exactly as if it trained alone', async () => {
    const options = { inputStatisticsSample: 32, pauseOnDivergence: true };
    const alone = new Trainer(testConfig({ norms: ['deconv'], epochs: 1 }), syntheticDataset(), options);
    await alone.train();
    const events: DivergenceEvent[] = [];
    const both = new Trainer(testConfig({ norms: ['deconv', 'batchnorm'], epochs: 1 }), syntheticDataset(), {
      ...options,
      onDiverged: (e) => events.push(e),
    });
    await both.trainStep();
    const gamma = both
      .models()[1]
      .trainableVariables()
      .find((v) => v.name.includes('gamma') || v.shape.length === 1) as tf.Variable;
    gamma.assign(tf.fill(gamma.shape, Infinity));
    await both.train();
    expect(events).toEqual([
      expect.objectContaining({ norm: 'batchnorm', step: 2, reason: expect.stringMatching(/the loss became (NaN|Infinity)/) }),
    ]);
    expect(both.step).toBe(2); // paused at the divergence
    expect(both.finished).toBe(false);
    await both.train(); // continue the healthy variant
    expect(both.histories()[0].steps).toEqual(alone.histories()[0].steps);
    expect(both.histories()[0].test).toEqual(alone.histories()[0].test);
    expect(both.histories()[1].steps.map((s) => s.step)).toEqual([1]);
    alone.dispose();
    both.dispose();
  });

  it('an exploding but finite loss counts as divergence (lr 50, SGD)', async () => {
    const events: DivergenceEvent[] = [];
    const trainer = new Trainer(testConfig({ norms: ['none'], lr: 50, momentum: 0, epochs: 1 }), syntheticDataset(), {
      onDiverged: (e) => events.push(e),
    });
    await trainer.train();
    expect(events).toHaveLength(1);
    expect(events[0].reason).toMatch(/the loss (exploded|became)/);
    expect(trainer.finished).toBe(true); // every variant diverged
    trainer.dispose();
  });

  it('keeps tf.memory().numTensors flat across steps and releases everything on dispose', async () => {
    const start = tf.memory().numTensors;
    const trainer = new Trainer(testConfig({ norms: ['deconv', 'batchnorm', 'none'], epochs: 3, evalEvery: 2 }), syntheticDataset(), {
      snapshotHz: 1000,
      detailEveryMs: 0,
      inputStatisticsSample: 32,
    });
    await trainer.trainStep();
    await trainer.trainStep();
    const after = tf.memory().numTensors;
    for (let i = 0; i < 6; i += 1) await trainer.trainStep();
    expect(tf.memory().numTensors).toBe(after);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});
