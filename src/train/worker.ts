// Module worker entry of the trainer: TrainCommand in, TrainEvent out (protocol.ts). Commands run
// one at a time in arrival order; 'play' starts the training loop without blocking the queue, so
// 'pause' (and everything else) stops it between steps.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { activeImplementation } from '../core/ops';
import { parseCifarFiles } from '../data/cifar';
import type { Dataset } from '../data/dataset';
import { fetchDataset } from '../data/load';
import { selectBackend, type BackendInfo } from '../platform/backend';
import { divergedEvent } from './divergence';
import { compileAhead } from '../platform/compileWarmup';
import { activeGpuDevice, watchDeviceLoss, type DeviceLoss } from '../platform/gpuDevice';
import { loseWebglContext, watchWebglContextLoss, webglContextLost, webglLoss } from '../platform/webglContext';
import { deviceLostEvent } from './deviceLostEvent';
import {
  checkpointFits,
  type RunState,
  type StartupPhase,
  type TrainCheckpoint,
  type TrainCommand,
  type TrainConfig,
  type TrainEvent,
  type WorkerDiagnostics,
} from './protocol';
import { backendStartText, buildText, compileText, dataText, warmupText } from './startupText';
import { Trainer } from './trainer';
import { clampSnapshotRate } from './trainingSettings';

let backend: BackendInfo | undefined;
let trainer: Trainer | undefined;
let loop: Promise<void> | undefined;
let state: RunState = 'idle';
let snapshotHz = 4;
let baseUrl: string | undefined;
let cifar: Dataset | undefined;
let dataset: Dataset | undefined;
/** CPU copy of the run at the last evaluation (or step 0): what a resume after a lost device starts from. */
let lastCheckpoint: TrainCheckpoint | null = null;
let deviceLost = false;
let watchingDevice = false;
let noticeLoss: () => void = () => undefined;
/** Whether the page shows the Training tab; start-up work waits while it does not. */
let visible = true;
let onVisible: (() => void)[] = [];
const lossNoticed = new Promise<void>((resolve) => {
  noticeLoss = resolve;
});

function post(event: TrainEvent): void {
  (self as unknown as Worker).postMessage(event);
}

interface StatusDetail {
  progress?: number;
  phase?: StartupPhase;
  done?: number;
  total?: number;
  continues?: boolean;
}

function setState(next: RunState, message?: string, detail: StatusDetail = {}): void {
  if (deviceLost) return; // the page shows the loss until it starts a new worker
  state = next;
  post({ type: 'status', state: next, message, ...detail });
  postDiagnostics(0);
}

function diagnostics(): WorkerDiagnostics {
  return { backend, implementation: activeImplementation(), memory: pickMemory(), step: trainer?.step ?? 0, state };
}

/** requestId 0: unasked, so the page always holds a recent copy it can show without waiting for a busy worker. */
function postDiagnostics(requestId: number): void {
  post({ type: 'diagnostics', requestId, diagnostics: diagnostics() });
}

function setVisible(next: boolean): void {
  visible = next;
  if (!next) return;
  const waiting = onVisible;
  onVisible = [];
  for (const resume of waiting) resume();
}

/** Resolves at once while the Training tab shows, else when it shows again (start-up yields to the visible view). */
function whileHidden(): Promise<void> {
  if (visible) return new Promise((resolve) => setTimeout(resolve, 0));
  setState(state === 'compiling' ? 'compiling' : 'loading', 'waiting until the Training tab shows again', {
    phase: 'waiting',
    continues: true,
  });
  return new Promise((resolve) => onVisible.push(resolve));
}

/** App root from the worker's own URL: built app -> <root>/assets/x.js; Vite dev -> <root>/src/train/worker.ts. */
function defaultBaseUrl(): string {
  const href = self.location.href;
  for (const marker of ['/assets/', '/src/']) {
    const at = href.indexOf(marker);
    if (at >= 0) return href.slice(0, at + 1);
  }
  return new URL('./', href).href;
}

async function stopLoop(): Promise<void> {
  trainer?.pause();
  await loop;
  loop = undefined;
}

async function loadDataset(config: TrainConfig): Promise<Dataset> {
  if (config.dataset === 'cifar10') {
    if (!cifar) throw new Error('CIFAR-10 is not loaded: choose cifar-10-binary.tar.gz or its batch files first');
    return cifar;
  }
  if (dataset?.name === config.dataset) return dataset;
  const message = dataText(config.dataset);
  setState('loading', message, { phase: 'data', progress: 0 });
  return fetchDataset(config.dataset, baseUrl ?? defaultBaseUrl(), (progress) =>
    post({ type: 'status', state: 'loading', message, phase: 'data', progress }),
  );
}

async function build(config: TrainConfig, checkpoint?: TrainCheckpoint): Promise<void> {
  await stopLoop();
  trainer?.dispose();
  trainer = undefined;
  await whileHidden();
  dataset = await loadDataset(config);
  await whileHidden();
  setState('loading', buildText(config.norms), { phase: 'build' });
  await whileHidden();
  const t = new Trainer(config, dataset, {
    snapshotHz,
    pauseOnDivergence: true,
    onSnapshot: (snapshot) => {
      post({ type: 'snapshot', snapshot });
      postDiagnostics(0);
    },
    onDiverged: (e) => post(divergedEvent(e)),
    onCheckpoint: (c) => {
      lastCheckpoint = c;
    },
    // The context's own flag flips at the loss; its event may come steps later.
    isDeviceLost: webglContextLost,
    onDeviceLost: () => onDeviceLost(webglLoss()),
  });
  trainer = t;
  if (checkpoint && checkpointFits(checkpoint, config)) {
    t.restore(checkpoint);
    lastCheckpoint = checkpoint;
  } else {
    const initial = await t.checkpoint();
    lastCheckpoint = webglContextLost() ? null : initial;
  }
  // WebGPU only: on the other backends the first step compiles as it runs.
  const compileFirst = backend?.name === 'webgpu' && lastCheckpoint !== null;
  const compiled = compileFirst && (await compileStep(t, lastCheckpoint as TrainCheckpoint));
  setState('compiling', warmupText(backend?.name ?? 'cpu', compiled), { phase: 'warmup', continues: compileFirst });
  await t.trainStep(); // its snapshot (the first is always due) carries kernels and histograms
  setState(t.finished ? 'finished' : 'ready');
}

/**
 * Creates every pipeline of the first step ahead, in parallel, counting them; then puts the run
 * back to `checkpoint` (a compile-only pass leaves garbage in the variables). False when the
 * backend cannot compile ahead.
 */
async function compileStep(t: Trainer, checkpoint: TrainCheckpoint): Promise<boolean> {
  const message = compileText();
  setState('compiling', message, { phase: 'compile' });
  const count = await compileAhead(
    t.compilePasses(),
    ({ done, total }) =>
      post({
        type: 'status',
        state: 'compiling',
        message,
        phase: 'compile',
        done,
        total,
        progress: total > 0 ? done / total : 1,
        continues: true,
      }),
    whileHidden,
  );
  if (count === null) return false;
  t.restore(checkpoint);
  return true;
}

function play(): void {
  const t = trainer;
  if (!t || loop || t.finished) return;
  setState('running');
  loop = t.train().then(
    async () => {
      loop = undefined;
      if (trainer !== t || deviceLost) return;
      await t.emitSnapshot(true);
      const diverged = t
        .histories()
        .filter((h) => h.diverged)
        .map((h) => h.norm);
      if (t.finished) setState('finished');
      else setState('paused', diverged.length ? `paused: ${diverged.join(', ')} diverged` : undefined);
    },
    (error: unknown) => {
      loop = undefined;
      void fail(error);
    },
  );
}

function onDeviceLost(loss: DeviceLoss): void {
  if (deviceLost) return;
  deviceLost = true;
  noticeLoss();
  trainer?.pause();
  state = 'error';
  const event = deviceLostEvent(loss, trainer?.step ?? 0, lastCheckpoint);
  if (event.keptStep !== undefined) trainer?.dropPointsAfter(event.keptStep);
  trainer?.flushPending(); // the points finished since the last throttled snapshot are the user's too
  post(event);
  postDiagnostics(0);
}

async function fail(error: unknown): Promise<void> {
  // A step that fails because the device went away reports as a lost device, not as an error.
  if (watchingDevice) await Promise.race([lossNoticed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  if (deviceLost) return;
  const message = error instanceof Error ? error.message : String(error);
  post({ type: 'error', message });
  setState('error', message);
}

function loseDevice(): void {
  const device = activeGpuDevice();
  if (device) device.destroy();
  else if (!loseWebglContext())
    post({
      type: 'error',
      message: `There is no GPU device or WebGL context to lose: the trainer runs on ${backend?.name ?? 'no backend yet'}.`,
    });
}

async function handle(command: TrainCommand): Promise<void> {
  // After a lost device this worker cannot compute; the page starts a new one to resume.
  if (deviceLost && command.type !== 'diagnostics' && command.type !== 'dispose') return;
  switch (command.type) {
    case 'init':
      if (command.baseUrl) baseUrl = command.baseUrl;
      if (!backend) {
        setState('loading', backendStartText(command.backend), { phase: 'backend' });
        backend = await selectBackend(command.backend, { onProgress: (text) => setState('loading', text, { phase: 'backend' }) });
        watchingDevice = watchDeviceLoss(onDeviceLost) || watchWebglContextLoss(onDeviceLost);
        post({ type: 'backend', info: backend, implementation: activeImplementation() });
      }
      await build(command.config, command.checkpoint);
      return;
    case 'reset':
      await build(command.config);
      return;
    case 'cifar-files': {
      await stopLoop();
      setState('loading', 'reading CIFAR-10', { phase: 'data', progress: 0 });
      const files = command.files.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes) }));
      cifar = await parseCifarFiles(files, (progress) =>
        post({ type: 'status', state: 'loading', message: 'reading CIFAR-10', phase: 'data', progress }),
      );
      setState(
        'idle',
        `CIFAR-10 ready: ${cifar.train.count} training and ${cifar.test.count} test images${cifar.note ? ` (${cifar.note})` : ''}`,
      );
      return;
    }
    case 'play':
      play();
      return;
    case 'pause':
      await stopLoop();
      return;
    case 'step': {
      await stopLoop();
      if (!trainer || trainer.finished) return;
      await trainer.trainStep();
      if (deviceLost) return;
      await trainer.emitSnapshot(true);
      setState(trainer.finished ? 'finished' : 'paused');
      return;
    }
    case 'update-rate':
      snapshotHz = clampSnapshotRate(command.hz);
      trainer?.setSnapshotRate(snapshotHz);
      return;
    case 'diagnostics':
      postDiagnostics(command.requestId);
      return;
    case 'visibility':
      setVisible(command.visible);
      return;
    case 'woke':
      trainer?.discountPause(command.pausedMs);
      // A paused run shows the corrected step time now; a running one with its next snapshot.
      if (trainer && !trainer.isRunning) trainer.flushPending();
      return;
    case 'lose-device':
      loseDevice();
      return;
    case 'dispose':
      if (!deviceLost) await stopLoop();
      trainer?.dispose();
      trainer = undefined;
      self.close();
      return;
  }
}

function pickMemory(): { numTensors: number; numBytes: number; numDataBuffers: number } {
  const m = tf.memory();
  return { numTensors: m.numTensors, numBytes: m.numBytes, numDataBuffers: m.numDataBuffers };
}

let queue: Promise<void> = Promise.resolve();

self.onmessage = (event: MessageEvent<TrainCommand>) => {
  const command = event.data;
  // Pause and diagnostics act at once (between two steps), not after queued work.
  if (command.type === 'pause') trainer?.pause();
  if (command.type === 'diagnostics' || command.type === 'lose-device' || command.type === 'visibility' || command.type === 'woke') {
    void handle(command);
    return;
  }
  queue = queue.then(() => handle(command)).catch(fail);
};
