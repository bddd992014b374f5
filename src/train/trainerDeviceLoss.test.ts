// A device found lost late (a WebGL context): what the runners read after the loss is NaN, and
// none of it may become a point, a divergence or a checkpoint.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrainCheckpoint, TrainSnapshot } from './protocol';
import { syntheticDataset, testConfig } from './testing';
import { Trainer, type DivergenceEvent } from './trainer';
import { VariantRunner } from './variantRunner';
import { deviceLostEvent } from './deviceLostEvent';

/** Runners read NaN (as from a lost context) while `lost.flag` is set; `lost.checks` counts the trainer's questions. */
function fakeLoss(): { flag: boolean; checks: number } {
  const lost = { flag: false, checks: 0 };
  const realStep = VariantRunner.prototype.step;
  vi.spyOn(VariantRunner.prototype, 'step').mockImplementation(async function (this: VariantRunner, ...args) {
    const result = await realStep.apply(this, args);
    if (!lost.flag) return result;
    this.diverged = true;
    return { loss: NaN, ms: result.ms, diverged: true, reason: 'the loss became NaN' };
  });
  return lost;
}

function lossTrainer(lost: { flag: boolean; checks: number }) {
  const record = { snapshots: [] as TrainSnapshot[], diverged: [] as DivergenceEvent[], checkpoints: [] as TrainCheckpoint[], losses: 0 };
  const trainer = new Trainer(testConfig({ evalEvery: 3, epochs: 4 }), syntheticDataset(), {
    onSnapshot: (s) => record.snapshots.push(s),
    onDiverged: (e) => record.diverged.push(e),
    onCheckpoint: (c) => record.checkpoints.push(c),
    pauseOnDivergence: true,
    isDeviceLost: () => {
      lost.checks += 1;
      return lost.flag;
    },
    onDeviceLost: () => (record.losses += 1),
  });
  return { trainer, record };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Trainer on a device found lost late', () => {
  it('drops the step that read NaN after the loss: no point, no divergence, training stops, onDeviceLost once', async () => {
    const lost = fakeLoss();
    const { trainer, record } = lossTrainer(lost);
    for (let i = 0; i < 4; i += 1) await trainer.trainStep();
    lost.flag = true;
    await trainer.train();
    expect(trainer.step).toBe(4);
    expect(trainer.deviceLost).toBe(true);
    expect(trainer.isRunning).toBe(false);
    expect(record.losses).toBe(1);
    expect(record.diverged).toEqual([]);
    for (const h of trainer.histories()) {
      expect(h.diverged).toBe(false);
      expect(h.steps.map((p) => p.step)).toEqual([1, 2, 3, 4]);
      expect(h.steps.every((p) => Number.isFinite(p.loss))).toBe(true);
    }
    // A lost trainer computes nothing more.
    await trainer.trainStep();
    expect(trainer.step).toBe(4);
    expect(record.losses).toBe(1);
    trainer.dispose();
  });

  it('a checkpoint read after the loss is not taken; dropping the points after the last good one leaves exactly it', async () => {
    const lost = fakeLoss();
    const { trainer, record } = lossTrainer(lost);
    for (let i = 0; i < 5; i += 1) await trainer.trainStep();
    // The context dies while step 6 evaluates: the step itself read real numbers, its checkpoint did not.
    const evaluate = trainer.evaluate.bind(trainer);
    vi.spyOn(trainer, 'evaluate').mockImplementation(async () => {
      await evaluate();
      lost.flag = true;
    });
    await trainer.trainStep();
    expect(record.checkpoints.map((c) => c.step)).toEqual([3]);
    expect(record.losses).toBe(1);
    const event = deviceLostEvent({ reason: 'webglcontextlost', message: '' }, trainer.step, record.checkpoints[0]);
    expect(event.keptStep).toBe(3);
    trainer.dropPointsAfter(event.keptStep ?? -1);
    trainer.flushPending();
    const sent = (norm: string) =>
      record.snapshots.flatMap((s) => s.variants.filter((v) => v.norm === norm).flatMap((v) => v.losses.map((p) => p.step)));
    // What the page holds of each variant after the loss: 1..6 sent, of which the page drops 4..6 on 'keptStep'.
    for (const h of trainer.histories()) {
      expect(h.steps.map((p) => p.step)).toEqual([1, 2, 3]);
      expect(h.test.map((p) => p.step)).toEqual([3]);
      expect(sent(h.norm).filter((step) => step <= 3)).toEqual([1, 2, 3]);
    }
    expect(record.diverged).toEqual([]);
    trainer.dispose();
  });

  it("a loss noticed while a snapshot reads kernels: every variant's points reach the page before device-lost", async () => {
    const lost = fakeLoss();
    const log: string[] = [];
    const trainer: Trainer = new Trainer(testConfig({ evalEvery: 100, epochs: 4 }), syntheticDataset(), {
      onSnapshot: (s) => s.variants.forEach((v) => v.losses.forEach((p) => log.push(`${v.norm} ${p.step}`))),
      isDeviceLost: () => lost.flag,
      // As the worker does: flush what is pending, then tell the page.
      onDeviceLost: () => {
        trainer.flushPending();
        log.push('device-lost');
      },
    });
    await trainer.trainStep();
    await trainer.emitSnapshot(true);
    await trainer.trainStep();
    await trainer.trainStep();
    // The context dies while the first variant's kernels are read (the worker was between awaits).
    const model = trainer['variants'][0].runner.model;
    const readKernels = model.firstLayerKernels.bind(model);
    vi.spyOn(model, 'firstLayerKernels').mockImplementation(async (...args) => {
      const kernels = await readKernels(...args);
      lost.flag = true;
      return kernels;
    });
    const snapshot = await trainer.emitSnapshot(true);
    const beforeLoss = log.slice(0, log.indexOf('device-lost'));
    for (const h of trainer.histories()) {
      expect(beforeLoss.filter((line) => line.startsWith(`${h.norm} `))).toEqual([`${h.norm} 1`, `${h.norm} 2`, `${h.norm} 3`]);
    }
    expect(snapshot.variants.every((v) => v.kernels === undefined && v.activations === undefined)).toBe(true);
    trainer.dispose();
  });

  it('without the loss flag a NaN is still a divergence (the check does not hide real ones)', async () => {
    const lost = fakeLoss();
    const { trainer, record } = lossTrainer(lost);
    await trainer.trainStep();
    vi.mocked(VariantRunner.prototype.step).mockImplementation(async function (this: VariantRunner) {
      this.diverged = true;
      return { loss: NaN, ms: 1, diverged: true, reason: 'the loss became NaN' };
    });
    await trainer.trainStep();
    expect(record.diverged.map((e) => e.norm)).toEqual(['deconv', 'batchnorm']);
    expect(record.losses).toBe(0);
    expect(lost.checks).toBeGreaterThan(0);
    trainer.dispose();
  });
});

describe('deviceLostEvent', () => {
  const checkpoint = { step: 6, config: {} as never, variants: [] };

  it('a lost WebGPU device keeps every point sent (no keptStep)', () => {
    const event = deviceLostEvent({ reason: 'destroyed', message: '' }, 8, checkpoint);
    expect(event).toEqual({ type: 'device-lost', message: 'The GPU device was lost at step 8 (destroyed).', step: 8, checkpoint });
  });

  it('a lost WebGL context keeps the points up to the checkpoint, or none without one', () => {
    const event = deviceLostEvent({ reason: 'webglcontextlost', message: 'gone' }, 8, checkpoint);
    expect(event.keptStep).toBe(6);
    expect(event.message).toMatch(/^The WebGL context was lost at step 8 \(webglcontextlost: gone\)\. The steps after 6 /);
    expect(deviceLostEvent({ reason: 'webglcontextlost', message: '' }, 6, checkpoint).message).toBe(
      'The WebGL context was lost at step 6 (webglcontextlost).',
    );
    expect(deviceLostEvent({ reason: 'webglcontextlost', message: '' }, 2, null).keptStep).toBe(0);
  });
});
