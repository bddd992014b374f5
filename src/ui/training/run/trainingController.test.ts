import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConfigStore, createRunStore } from '../../../state/trainingStore';
import { toTrainConfig } from '../../../state/trainingConfig';
import type { TrainCheckpoint, TrainCommand, TrainEvent } from '../../../train/protocol';
import { FRESH_GRACE_MS, TrainingController } from './trainingController';
import type { WorkerLike } from './trainWorkerClient';

class RecordingWorker implements WorkerLike {
  sent: TrainCommand[] = [];
  onmessage: ((event: MessageEvent<TrainEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: TrainCommand): void {
    this.sent.push(message);
  }
  terminate(): void {}
  emit(event: TrainEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<TrainEvent>);
  }
}

function setup() {
  const workers: RecordingWorker[] = [];
  const config = createConfigStore();
  const run = createRunStore();
  const controller = new TrainingController(
    () => {
      const worker = new RecordingWorker();
      workers.push(worker);
      return worker;
    },
    config,
    run,
  );
  return { controller, workers, config, run, types: () => workers[workers.length - 1].sent.map((c) => c.type) };
}

const snapshot: TrainEvent = {
  type: 'snapshot',
  snapshot: {
    step: 4,
    stepsPerEpoch: 10,
    totalSteps: 10,
    variants: [{ norm: 'deconv', params: 1, losses: [{ step: 4, loss: 1 }], test: [], msPerStep: 5, diverged: false }],
  },
};

describe('TrainingController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts the worker with init and the update rate', () => {
    const { workers } = setup();
    expect(workers[0].sent.map((c) => c.type)).toEqual(['init', 'update-rate']);
  });

  it('restarts a run with a message when a setting changes mid-run', () => {
    const { workers, config, run, types } = setup();
    workers[0].emit({ type: 'status', state: 'running' });
    workers[0].emit(snapshot);
    config.getState().setParams({ lr: 0.2 });
    expect(types()).toContain('pause');
    vi.advanceTimersByTime(300);
    const reset = workers[0].sent.find((c) => c.type === 'reset');
    expect(reset && reset.type === 'reset' ? reset.config.lr : undefined).toBe(0.2);
    expect(run.getState().run.variants).toEqual([]);
    expect(config.getState().restartNotice).toMatch(/learning rate.*restarted/);
  });

  it('Play pressed before the settings read from the link reset the run still plays after that reset', () => {
    const { controller, config, types } = setup();
    controller.play();
    config.getState().setParams({ lr: 0.2 }); // the link's settings, read on mount
    vi.advanceTimersByTime(300);
    expect(types()).toEqual(['init', 'update-rate', 'play', 'reset', 'play']);
  });

  it('a pause, or a Reset by the user, takes the Play back', () => {
    const paused = setup();
    paused.controller.play();
    paused.controller.pause();
    paused.config.getState().setParams({ lr: 0.2 });
    vi.advanceTimersByTime(300);
    expect(paused.types().slice(-1)).toEqual(['reset']);
    const reset = setup();
    reset.controller.play();
    reset.controller.reset();
    expect(reset.types().slice(-1)).toEqual(['reset']);
  });

  it('coalesces rapid changes into one reset', () => {
    const { workers, config } = setup();
    for (let i = 1; i <= 10; i++) config.getState().setParams({ seed: i });
    vi.advanceTimersByTime(300);
    expect(workers[0].sent.filter((c) => c.type === 'reset')).toHaveLength(1);
  });

  it('changes the update rate live, without a reset', () => {
    const { workers, config } = setup();
    config.getState().setParams({ hz: 12 });
    vi.advanceTimersByTime(300);
    expect(workers[0].sent.at(-1)).toEqual({ type: 'update-rate', hz: 12 });
    expect(workers[0].sent.some((c) => c.type === 'reset')).toBe(false);
  });

  it('a backend change starts a new worker', () => {
    const { workers, config } = setup();
    config.getState().setParams({ backend: 'cpu' });
    expect(workers).toHaveLength(2);
    const init = workers[1].sent[0];
    expect(init.type === 'init' ? init.backend : undefined).toBe('cpu');
  });

  it('keeps history after a crash and restarts on request', () => {
    const { controller, workers, run } = setup();
    workers[0].emit(snapshot);
    workers[0].onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    expect(run.getState().run.workerLost).toMatch(/boom/);
    controller.play();
    expect(workers[0].sent.some((c) => c.type === 'play')).toBe(false);
    controller.restartWorker();
    expect(workers).toHaveLength(2);
    expect(run.getState().run.variants[0].losses).toHaveLength(1);
    expect(run.getState().run.workerLost).toBeUndefined();
  });

  it('toggles play and pause from the reported state; steps only when not running', () => {
    const { controller, workers, types } = setup();
    workers[0].emit({ type: 'status', state: 'ready' });
    controller.togglePlay();
    expect(types().at(-1)).toBe('play');
    workers[0].emit({ type: 'status', state: 'running' });
    controller.step();
    expect(types().at(-1)).toBe('play');
    controller.togglePlay();
    expect(types().at(-1)).toBe('pause');
  });

  it('a lost GPU device: play is refused; resume starts a new worker on the chosen backend with the checkpoint', () => {
    const { controller, workers, config, run } = setup();
    workers[0].emit(snapshot);
    const checkpoint: TrainCheckpoint = { step: 3, config: toTrainConfig(config.getState().params), variants: [] };
    workers[0].emit({ type: 'device-lost', message: 'The GPU device was lost at step 4 (destroyed).', step: 4, checkpoint });
    expect(run.getState().run.deviceLost).toEqual({
      message: 'The GPU device was lost at step 4 (destroyed).',
      step: 4,
      checkpointStep: 3,
    });
    controller.play();
    controller.step();
    expect(workers[0].sent.map((c) => c.type)).not.toContain('play');
    expect(workers[0].sent.map((c) => c.type)).not.toContain('step');
    controller.resume('cpu');
    expect(workers).toHaveLength(2);
    const init = workers[1].sent[0];
    expect(init.type === 'init' && [init.backend, init.checkpoint]).toEqual(['cpu', checkpoint]);
    expect(run.getState().run.deviceLost).toBeUndefined();
    expect(run.getState().run.step).toBe(3);
    expect(run.getState().run.variants[0].losses).toEqual([]); // step 4 was after the checkpoint
  });

  it('resume after a settings change starts from step 0 (the checkpoint does not fit)', () => {
    const { controller, workers, config, run } = setup();
    workers[0].emit(snapshot);
    const checkpoint: TrainCheckpoint = { step: 3, config: toTrainConfig(config.getState().params), variants: [] };
    workers[0].emit({ type: 'device-lost', message: 'lost', step: 4, checkpoint });
    config.getState().setParams({ lr: 0.2 });
    vi.advanceTimersByTime(300);
    expect(workers[0].sent.map((c) => c.type)).not.toContain('reset'); // the lost worker cannot reset
    controller.resume('webgpu');
    const init = workers[1].sent[0];
    expect(init.type === 'init' && [init.backend, init.checkpoint, init.config.lr]).toEqual(['webgpu', undefined, 0.2]);
    expect(run.getState().run.variants).toEqual([]);
  });

  it('diagnostics answer from the figures the worker last posted when it does not answer in its grace time', async () => {
    const { controller, workers } = setup();
    // The recording worker never answers; only the grace time passes (not the request's 3 s timeout).
    const pendingBefore = controller.diagnostics();
    vi.advanceTimersByTime(FRESH_GRACE_MS);
    const before = await pendingBefore;
    expect(before.workerAnswered).toBe(false);
    expect(before.ageMs).toBeUndefined();
    const posted = {
      backend: undefined,
      implementation: 'composed' as const,
      memory: { numTensors: 7, numBytes: 1, numDataBuffers: 1 },
      step: 4,
      state: 'running' as const,
    };
    workers[0].emit({ type: 'diagnostics', requestId: 0, diagnostics: posted });
    const pending = controller.diagnostics();
    vi.advanceTimersByTime(FRESH_GRACE_MS);
    const report = await pending;
    expect([report.workerAnswered, report.step, report.state, report.memory?.numTensors]).toEqual([true, 4, 'running', 7]);
    expect(report.ageMs).toBeGreaterThanOrEqual(0);
    // Each call asked the worker too.
    expect(workers[0].sent.filter((c) => c.type === 'diagnostics')).toHaveLength(2);
  });

  it("diagnostics give the worker's own answer when it comes in time", async () => {
    const { controller, workers } = setup();
    workers[0].emit({
      type: 'diagnostics',
      requestId: 0,
      diagnostics: {
        backend: undefined,
        implementation: 'composed',
        memory: { numTensors: 1, numBytes: 1, numDataBuffers: 1 },
        step: 1,
        state: 'running',
      },
    });
    const pending = controller.diagnostics();
    const request = workers[0].sent.filter((c) => c.type === 'diagnostics').at(-1);
    const requestId = request?.type === 'diagnostics' ? request.requestId : -1;
    workers[0].emit({
      type: 'diagnostics',
      requestId,
      diagnostics: {
        backend: undefined,
        implementation: 'composed',
        memory: { numTensors: 1, numBytes: 1, numDataBuffers: 1 },
        step: 6,
        state: 'paused',
      },
    });
    const report = await pending;
    expect([report.step, report.state, report.ageMs]).toEqual([6, 'paused', 0]);
  });

  it("fresh diagnostics wait for the worker's answer; a new worker starts without the old figures", async () => {
    const { controller, workers } = setup();
    const fresh = controller.freshDiagnostics();
    const request = workers[0].sent.find((c) => c.type === 'diagnostics');
    const requestId = request?.type === 'diagnostics' ? request.requestId : -1;
    workers[0].emit({
      type: 'diagnostics',
      requestId,
      diagnostics: {
        backend: undefined,
        implementation: 'composed',
        memory: { numTensors: 1, numBytes: 1, numDataBuffers: 1 },
        step: 9,
        state: 'paused',
      },
    });
    const answer = await fresh;
    expect([answer.workerAnswered, answer.step, answer.ageMs]).toEqual([true, 9, 0]);
    controller.restartWorker();
    const afterRestart = controller.diagnostics();
    vi.advanceTimersByTime(FRESH_GRACE_MS);
    expect((await afterRestart).workerAnswered).toBe(false);
  });

  it('tells the worker when the Training tab hides and shows, once per change, and a new worker while hidden', () => {
    const { controller, workers } = setup();
    controller.setViewVisible(true); // already visible: nothing to say
    controller.setViewVisible(false);
    controller.setViewVisible(false);
    expect(workers[0].sent.filter((c) => c.type === 'visibility')).toEqual([{ type: 'visibility', visible: false }]);
    controller.restartWorker();
    expect(workers[1].sent.map((c) => c.type)).toEqual(['init', 'update-rate', 'visibility']);
    controller.setViewVisible(true);
    expect(workers[1].sent.at(-1)).toEqual({ type: 'visibility', visible: true });
  });
});
