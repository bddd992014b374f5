import { describe, expect, it } from 'vitest';
import type { TrainSnapshot, VariantSnapshot } from '../train/protocol';
import { capSeries, epochProgress, initialRun, reduceRun, type RunModel } from './trainingRun';
import { createConfigStore, createRunStore } from './trainingStore';
import { defaultParams } from './urlHashSchema';

function variant(norm: VariantSnapshot['norm'], steps: number[], extra: Partial<VariantSnapshot> = {}): VariantSnapshot {
  return {
    norm,
    params: 100,
    losses: steps.map((step) => ({ step, loss: 2 / step })),
    test: [],
    msPerStep: 10,
    diverged: false,
    ...extra,
  };
}

function snapshot(step: number, variants: VariantSnapshot[]): TrainSnapshot {
  return { step, stepsPerEpoch: 100, totalSteps: 100, variants };
}

describe('run reducer', () => {
  it('appends losses per variant and ignores repeated steps', () => {
    let run: RunModel = initialRun();
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(2, [variant('deconv', [1, 2]), variant('batchnorm', [1, 2])]) });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(4, [variant('deconv', [2, 3, 4]), variant('batchnorm', [3, 4])]) });
    expect(run.variants.map((v) => v.losses.map((p) => p.step))).toEqual([
      [1, 2, 3, 4],
      [1, 2, 3, 4],
    ]);
    expect(run.step).toBe(4);
    expect(epochProgress(run)).toBeCloseTo(0.04);
  });

  it('keeps the last kernels when a snapshot has none', () => {
    const kernels = { shape: [1, 1, 1, 1] as [number, number, number, number], weights: [0.5] };
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1], { kernels })]) });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(2, [variant('deconv', [2])]) });
    expect(run.variants[0].kernels).toEqual(kernels);
  });

  it('records a divergence for one variant only', () => {
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1]), variant('batchnorm', [1])]) });
    run = reduceRun(run, { type: 'diverged', norm: 'batchnorm', step: 1, message: 'loss is NaN' });
    expect(run.variants.map((v) => v.diverged)).toEqual([false, true]);
    expect(run.divergences).toEqual([{ norm: 'batchnorm', step: 1, message: 'loss is NaN' }]);
    run = reduceRun(run, { type: 'dismiss-divergence', norm: 'batchnorm' });
    expect(run.divergences).toEqual([]);
  });

  it('keeps history when the worker is lost, clears it on request', () => {
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1])]) });
    run = reduceRun(run, { type: 'worker-lost', message: 'GPU device lost' });
    expect(run.workerLost).toBe('GPU device lost');
    expect(run.variants[0].losses).toHaveLength(1);
    run = reduceRun(run, { type: 'worker-restarted' });
    expect(run.workerLost).toBeUndefined();
    expect(run.variants[0].losses).toHaveLength(1);
    run = reduceRun(run, { type: 'history-cleared' });
    expect(run.variants).toEqual([]);
  });

  it('a lost GPU device keeps the curves; resuming trims them to the checkpoint step', () => {
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(7, [variant('deconv', [1, 2, 3, 4, 5, 6, 7])]) });
    run = { ...run, variants: [{ ...run.variants[0], test: [{ step: 5, accuracy: 0.5 }] }] };
    const checkpoint = { step: 5, config: {} as never, variants: [] };
    run = reduceRun(run, { type: 'device-lost', message: 'The GPU device was lost at step 7 (destroyed).', step: 7, checkpoint });
    expect(run.state).toBe('error');
    expect(run.deviceLost).toEqual({ message: 'The GPU device was lost at step 7 (destroyed).', step: 7, checkpointStep: 5 });
    expect(run.variants[0].losses).toHaveLength(7);
    run = reduceRun(run, { type: 'resumed', step: 5 });
    expect(run.deviceLost).toBeUndefined();
    expect(run.step).toBe(5);
    expect(run.variants[0].losses.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(run.variants[0].test).toEqual([{ step: 5, accuracy: 0.5 }]);
    // The resumed worker's steps append after the checkpoint.
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(6, [variant('deconv', [6])]) });
    expect(run.variants[0].losses.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    const none = reduceRun(run, { type: 'device-lost', message: 'lost', step: 6, checkpoint: null });
    expect(none.deviceLost?.checkpointStep).toBeNull();
  });

  it('a lost WebGL context (keptStep) drops the points after the checkpoint at once', () => {
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(8, [variant('deconv', [1, 2, 3, 4, 5, 6, 7, 8])]) });
    run = { ...run, variants: [{ ...run.variants[0], test: [{ step: 6, accuracy: 0.5 }] }] };
    const checkpoint = { step: 6, config: {} as never, variants: [] };
    run = reduceRun(run, { type: 'device-lost', message: 'The WebGL context was lost at step 8.', step: 8, checkpoint, keptStep: 6 });
    expect(run.deviceLost).toEqual({ message: 'The WebGL context was lost at step 8.', step: 8, checkpointStep: 6 });
    expect(run.step).toBe(6);
    expect(run.variants[0].losses.map((p) => p.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(run.variants[0].test).toEqual([{ step: 6, accuracy: 0.5 }]);
  });

  it('after a reset, snapshots of the replaced trainer are dropped until the fresh run compiles', () => {
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(3, [variant('deconv', [1, 2, 3])]) });
    // Two quick resets: the worker still sends the old run's last snapshot, then builds twice.
    run = reduceRun(run, { type: 'history-cleared' });
    run = reduceRun(run, { type: 'history-cleared' });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(5, [variant('deconv', [4, 5])]) });
    run = reduceRun(run, { type: 'diverged', norm: 'deconv', step: 5, message: 'loss is NaN' });
    expect(run.variants).toEqual([]);
    expect(run.divergences).toEqual([]);
    run = reduceRun(run, { type: 'status', state: 'compiling' });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1], { params: 1 })]) });
    expect(run.variants).toEqual([]);
    run = reduceRun(run, { type: 'status', state: 'compiling' });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1], { params: 2 })]) });
    expect(run.step).toBe(1);
    expect(run.variants.map((v) => [v.params, v.losses.map((p) => p.step)])).toEqual([[2, [1]]]);
    // A plain compile (a resume from a checkpoint) keeps the curves.
    run = reduceRun(run, { type: 'status', state: 'compiling' });
    expect(run.variants[0].losses).toHaveLength(1);
  });

  it("a start-up's later compiling statuses (progress, warm-up) begin no fresh run, and keep their phase figures", () => {
    let run = reduceRun(initialRun(), { type: 'snapshot', snapshot: snapshot(2, [variant('deconv', [1, 2])]) });
    run = reduceRun(run, { type: 'history-cleared' });
    run = reduceRun(run, { type: 'history-cleared' });
    // The first reset's start-up: compile progress, then the warm-up, all one fresh run.
    run = reduceRun(run, { type: 'status', state: 'compiling', message: 'compiling kernels', phase: 'compile' });
    run = reduceRun(run, { type: 'status', state: 'compiling', phase: 'compile', done: 12, total: 40, progress: 0.3, continues: true });
    expect([run.phase, run.done, run.total]).toEqual(['compile', 12, 40]);
    run = reduceRun(run, { type: 'status', state: 'compiling', phase: 'warmup', continues: true });
    expect(run.phase).toBe('warmup');
    expect(run.done).toBeUndefined();
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1], { params: 1 })]) });
    expect(run.variants).toEqual([]);
    // The second reset's start-up is the run the page shows.
    run = reduceRun(run, { type: 'status', state: 'compiling', phase: 'warmup' });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1], { params: 2 })]) });
    expect(run.variants.map((v) => v.params)).toEqual([2]);
  });

  it('a failed build or a new worker does not leave snapshots blocked', () => {
    let run = reduceRun(initialRun(), { type: 'history-cleared' });
    run = reduceRun(run, { type: 'status', state: 'error', message: 'no data' });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1])]) });
    expect(run.variants).toHaveLength(1);
    run = reduceRun(run, { type: 'history-cleared' });
    run = reduceRun(run, { type: 'history-cleared' });
    run = reduceRun(run, { type: 'worker-restarted' });
    run = reduceRun(run, { type: 'status', state: 'compiling' });
    run = reduceRun(run, { type: 'snapshot', snapshot: snapshot(1, [variant('deconv', [1])]) });
    expect(run.variants).toHaveLength(1);
  });

  it('thins long series but keeps the recent half intact', () => {
    const series = Array.from({ length: 11 }, (_, i) => i);
    expect(capSeries(series, 10)).toEqual([0, 2, 4, 5, 6, 7, 8, 9, 10]);
    expect(capSeries(series, 20)).toBe(series);
  });

  it('status error sets the error message', () => {
    const run = reduceRun(initialRun(), { type: 'status', state: 'error', message: 'no CIFAR files' });
    expect(run.error).toBe('no CIFAR files');
  });
});

describe('stores', () => {
  it('config store applies presets and hash queries', () => {
    const store = createConfigStore();
    store.getState().applyPreset('sparse-activations');
    expect(store.getState().params.norms).toEqual(['deconv', 'batchnorm', 'none']);
    expect(store.getState().focus).toBe('sparsity');
    store.getState().loadQuery('lr=oops&batch=32');
    expect(store.getState().params.batch).toBe(32);
    expect(store.getState().params.lr).toBe(defaultParams().lr);
    expect(store.getState().hashNotices).toHaveLength(1);
    store.getState().setParams({ seed: 9 });
    expect(store.getState().presetId).toBeUndefined();
  });

  it('run store dispatches through the reducer', () => {
    const store = createRunStore();
    store.getState().dispatch({ type: 'status', state: 'loading', progress: 0.5 });
    expect(store.getState().run.progress).toBe(0.5);
  });
});
