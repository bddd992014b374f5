// The UI-free trainer: variants (deconv / batchnorm / none) of one model trained in lock-step on the
// same seeded batches from the same seeded initial weights, emitting throttled TrainSnapshots.
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../data/dataset';
import { createModel, modelSettingsFrom } from '../nn/createModel';
import type { Model } from '../nn/model';
import { summariseActivations } from './activationStats';
import { readVariables, writeVariables } from './checkpoint';
import { divergenceSentence, type DivergenceEvent } from './divergence';
import { BatchSource, gatherImages, imageShape, testBatches, testIndices } from './batches';
import type { NormKind, TrainCheckpoint, TrainConfig, TrainSnapshot, VariantCheckpoint, VariantSnapshot } from './protocol';
import { learningRate } from './schedule';
import { clampSnapshotRate } from './trainingSettings';
import { VariantRunner, type StepResult } from './variantRunner';

export type { DivergenceEvent } from './divergence';

export interface TrainerOptions {
  onSnapshot?: (snapshot: TrainSnapshot) => void;
  onDiverged?: (event: DivergenceEvent) => void;
  /** Snapshots per second (default 4). */
  snapshotHz?: number;
  /** Kernels and activation histograms at most this often, in ms (default 1000; 0 = every snapshot). */
  detailEveryMs?: number;
  /** Probe images for activation histograms (default 32). */
  probeSize?: number;
  /** Fix the deconvolution input layer's statistics from this many training images (default 1024; 0 = off). */
  inputStatisticsSample?: number;
  /** Called with a CPU checkpoint after every evaluation (the run can continue from it on another device). */
  onCheckpoint?: (checkpoint: TrainCheckpoint) => void;
  /** Pause `train()` when a variant diverges (default false). */
  pauseOnDivergence?: boolean;
  /**
   * True once the device can no longer compute (a lost WebGL context): what was read after it is
   * not real, so the step is dropped (no point, no divergence) and no checkpoint is taken.
   */
  isDeviceLost?: () => boolean;
  /** Called once, when `isDeviceLost` first answers true; training stops there. */
  onDeviceLost?: () => void;
  now?: () => number;
}

/** What the trainer keeps of one variant (the dashboard's own record is state/trainingRun's VariantHistory). */
export interface TrainerHistory {
  norm: NormKind;
  params: number;
  steps: { step: number; loss: number }[];
  test: { step: number; accuracy: number }[];
  /** Milliseconds of every step (the first includes warm-up / shader compilation). */
  ms: number[];
  diverged: boolean;
}

interface Variant {
  runner: VariantRunner;
  history: TrainerHistory;
  pendingLosses: { step: number; loss: number }[];
  pendingTests: { step: number; accuracy: number }[];
}

const RECENT_STEPS = 20;

export class Trainer {
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  private readonly variants: Variant[];
  private readonly batches: BatchSource;
  private readonly tests: { x: tf.Tensor4D; labels: tf.Tensor1D }[];
  private readonly probe: tf.Tensor4D;
  private readonly now: () => number;
  private snapshotHz: number;
  private completed = 0;
  private running = false;
  private lastSnapshot = -Infinity;
  private lastDetail = -Infinity;
  private disposed = false;
  private lost = false;
  private stepping = false;
  /** A pause reported while a step was in flight: taken off that step's time (variants whose time covers it). */
  private pauseDiscount: number | null = null;

  constructor(
    readonly config: TrainConfig,
    readonly dataset: Dataset,
    private readonly options: TrainerOptions = {},
  ) {
    if (config.norms.length === 0) throw new Error('choose at least one variant to train');
    this.now = options.now ?? (() => (typeof performance !== 'undefined' ? performance.now() : Date.now()));
    this.snapshotHz = options.snapshotHz ?? 4;
    this.batches = new BatchSource(dataset, config.batchSize, config.seed);
    this.stepsPerEpoch = this.batches.stepsPerEpoch;
    this.totalSteps = this.stepsPerEpoch * config.epochs;
    const settings = modelSettingsFrom(config.deconv);
    const shape = imageShape(dataset);
    const optimizer = { kind: config.optimizer, momentum: config.momentum, weightDecay: config.weightDecay };
    this.variants = config.norms.map((norm) => {
      const model = createModel(config.model, norm, shape, dataset.classes.length, settings, config.seed);
      const runner = new VariantRunner(model, optimizer);
      return {
        runner,
        history: { norm, params: model.paramCount(), steps: [], test: [], ms: [], diverged: false },
        pendingLosses: [],
        pendingTests: [],
      };
    });
    const statsSample = options.inputStatisticsSample ?? 1024;
    if (statsSample > 0 && config.norms.includes('deconv')) {
      const sample = this.batches.sample(statsSample);
      for (const v of this.variants) v.runner.model.prepareInputStatistics(sample);
      sample.dispose();
    }
    this.tests = testBatches(dataset, config.evalSize);
    this.probe = gatherImages(dataset, dataset.test, testIndices(dataset, options.probeSize ?? 32)).x;
  }

  get step(): number {
    return this.completed;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** True once `isDeviceLost` answered true: the trainer computes nothing more. */
  get deviceLost(): boolean {
    return this.lost;
  }

  get finished(): boolean {
    return this.completed >= this.totalSteps || this.variants.every((v) => v.history.diverged);
  }

  /** The variants' models (diagnostics and tests). */
  models(): Model[] {
    return this.variants.map((v) => v.runner.model);
  }

  histories(): TrainerHistory[] {
    return this.variants.map((v) => v.history);
  }

  setSnapshotRate(hz: number): void {
    this.snapshotHz = clampSnapshotRate(hz);
  }

  /** The variant's learning rate at step `index`: its own when the config gives one, else the shared one. */
  learningRateAt(norm: NormKind, index: number): number {
    return learningRate(this.config.schedule, this.config.lrByNorm?.[norm] ?? this.config.lr, index, this.totalSteps);
  }

  /** One lock-step step of every live variant on the same batch; evaluates and snapshots when due. */
  async trainStep(): Promise<void> {
    if (this.finished || this.disposed || this.lost) return;
    const index = this.completed;
    const batch = this.batches.batch(index);
    this.stepping = true;
    try {
      // Lock-step: a step counts only when every live variant finished it. A failure part-way (a lost
      // device) leaves no variant a point ahead of the others.
      const results: [Variant, StepResult][] = [];
      for (const v of this.variants) {
        if (v.history.diverged) continue;
        results.push([v, await v.runner.step(batch.x, batch.oneHot, this.learningRateAt(v.history.norm, index))]);
      }
      if (this.noticeLoss()) {
        // A NaN read from a dead context is not a divergence.
        for (const v of this.variants) v.runner.diverged = v.history.diverged;
        return;
      }
      for (const [v, result] of results) {
        const pause = this.pauseDiscount;
        v.history.ms.push(pause !== null && result.ms >= pause ? result.ms - pause : result.ms);
        if (result.diverged) {
          v.history.diverged = true;
          const reason = result.reason ?? `the loss became ${result.loss}`;
          const message = divergenceSentence(v.history.norm, index + 1, reason);
          this.options.onDiverged?.({ norm: v.history.norm, step: index + 1, reason, message });
          if (this.options.pauseOnDivergence) this.running = false;
          continue;
        }
        const entry = { step: index + 1, loss: result.loss };
        v.history.steps.push(entry);
        v.pendingLosses.push(entry);
      }
    } finally {
      tf.dispose([batch.x, batch.oneHot]);
      this.stepping = false;
      this.pauseDiscount = null;
    }
    this.completed = index + 1;
    const last = this.completed >= this.totalSteps;
    if (this.completed % this.config.evalEvery === 0 || last) {
      await this.evaluate();
      if (this.options.onCheckpoint) {
        const checkpoint = await this.checkpoint();
        if (this.noticeLoss()) return;
        this.options.onCheckpoint(checkpoint);
      }
    }
    if (last || this.finished) await this.emitSnapshot(true);
    else if (this.now() - this.lastSnapshot >= 1000 / this.snapshotHz) await this.emitSnapshot(false);
  }

  /**
   * One pass per live variant recording the next step's work without reading anything back: run in
   * a compile-only mode (platform/compileWarmup.ts) they create the step's GPU pipelines. They
   * change the variables (with nothing computed, to garbage): restore a checkpoint afterwards.
   */
  compilePasses(): (() => void)[] {
    const index = this.completed;
    const lr = learningRate(this.config.schedule, this.config.lr, index, this.totalSteps);
    return this.variants
      .filter((v) => !v.history.diverged)
      .map((v) => () => {
        const batch = this.batches.batch(index);
        try {
          v.runner.recordStep(batch.x, batch.oneHot, lr);
        } finally {
          tf.dispose([batch.x, batch.oneHot]);
        }
      });
  }

  /** Runs until finished, paused or stopped; yields to the event loop between steps. */
  async train(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.running && !this.finished && !this.disposed) {
        await this.trainStep();
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      this.running = false;
    }
  }

  pause(): void {
    this.running = false;
  }

  /**
   * The page slept for `pausedMs` (a frozen tab, a sleeping laptop; workers stop with it): the step
   * that spanned the pause, the one in flight or else the last, is timed without it when its time
   * covers it (a clock that stops during a machine's sleep leaves nothing to take off).
   */
  discountPause(pausedMs: number): void {
    if (!(pausedMs > 0)) return;
    if (this.stepping) {
      this.pauseDiscount = pausedMs;
      return;
    }
    for (const v of this.variants) {
      const last = v.history.ms.length - 1;
      if (last >= 0 && v.history.ms[last] >= pausedMs) v.history.ms[last] -= pausedMs;
    }
  }

  /** Asks `isDeviceLost`; on the first true it stops training and calls `onDeviceLost`. */
  private noticeLoss(): boolean {
    if (this.lost) return true;
    if (!this.options.isDeviceLost?.()) return false;
    this.lost = true;
    this.running = false;
    this.options.onDeviceLost?.();
    return true;
  }

  /**
   * Forgets every loss and test point after `step`, sent or not (they were computed by a device
   * found lost later); `flushPending` then sends only the points up to `step`.
   */
  dropPointsAfter(step: number): void {
    const upTo = <T extends { step: number }>(points: T[]): T[] => points.filter((p) => p.step <= step);
    for (const v of this.variants) {
      v.history.steps = upTo(v.history.steps);
      v.history.test = upTo(v.history.test);
      v.pendingLosses = upTo(v.pendingLosses);
      v.pendingTests = upTo(v.pendingTests);
    }
  }

  /** Test accuracy of every live variant on the fixed test subset. */
  async evaluate(): Promise<void> {
    const total = this.tests.reduce((s, t) => s + t.labels.shape[0], 0);
    for (const v of this.variants) {
      if (v.history.diverged || total === 0) continue;
      let correct = 0;
      for (const t of this.tests) correct += await v.runner.correct(t.x, t.labels);
      const entry = { step: this.completed, accuracy: correct / total };
      v.history.test.push(entry);
      v.pendingTests.push(entry);
    }
  }

  /** Reads the whole run state back to the CPU: weights, running statistics, optimiser state, history. */
  async checkpoint(): Promise<TrainCheckpoint> {
    const variants: VariantCheckpoint[] = [];
    for (const v of this.variants) {
      variants.push({
        norm: v.history.norm,
        tensors: await readVariables(v.runner.checkpointVariables()),
        optimizerSteps: v.runner.optimizer.stepCount,
        steps: v.history.steps.slice(),
        test: v.history.test.slice(),
        diverged: v.history.diverged,
      });
    }
    return { step: this.completed, config: this.config, variants };
  }

  /**
   * Continues from `checkpoint` (taken from a trainer with the same config and dataset): the next
   * step is checkpoint.step + 1 on the same batch and learning rate as in the original run.
   */
  restore(checkpoint: TrainCheckpoint): void {
    const norms = this.variants.map((v) => v.history.norm);
    if (checkpoint.variants.map((v) => v.norm).join() !== norms.join()) {
      throw new Error(`the checkpoint holds ${checkpoint.variants.map((v) => v.norm).join(', ')}, this run ${norms.join(', ')}`);
    }
    if (checkpoint.step > this.totalSteps)
      throw new Error(`the checkpoint is at step ${checkpoint.step}, past the run's ${this.totalSteps} steps`);
    this.variants.forEach((v, i) => {
      const saved = checkpoint.variants[i];
      writeVariables(v.runner.checkpointVariables(), saved.tensors, v.history.norm);
      v.runner.optimizer.stepCount = saved.optimizerSteps;
      v.runner.diverged = saved.diverged;
      v.history.steps = saved.steps.slice();
      v.history.test = saved.test.slice();
      v.history.diverged = saved.diverged;
      v.history.ms = [];
      v.pendingLosses = [];
      v.pendingTests = [];
    });
    this.completed = checkpoint.step;
  }

  /** Builds and emits a snapshot now (with kernels and histograms when `details` or when due). */
  async emitSnapshot(details: boolean): Promise<TrainSnapshot> {
    const now = this.now();
    const withDetails = details || now - this.lastDetail >= (this.options.detailEveryMs ?? 1000);
    this.lastSnapshot = now;
    if (withDetails) this.lastDetail = now;
    // Details first, points last: a loss noticed while reading them calls onDeviceLost, whose flush must
    // still find every variant's pending points (taken earlier, they were sent after 'device-lost' and lost).
    const read = new Map<Variant, Pick<VariantSnapshot, 'kernels' | 'activations'>>();
    for (const v of this.variants) {
      if (withDetails && !v.history.diverged && !this.lost) {
        const kernels = await v.runner.model.firstLayerKernels();
        read.set(v, { kernels, activations: await summariseActivations(v.runner.model.activations(this.probe)) });
      }
    }
    // Kernels and histograms read from a dead device are blank: the points (computed before) stay.
    const readFromDeadDevice = withDetails && this.noticeLoss();
    const variants = this.variants.map((v) => ({ ...takePending(v), ...(readFromDeadDevice ? {} : read.get(v)) }));
    const snapshot: TrainSnapshot = { step: this.completed, stepsPerEpoch: this.stepsPerEpoch, totalSteps: this.totalSteps, variants };
    this.options.onSnapshot?.(snapshot);
    return snapshot;
  }

  /**
   * Emits the points not yet sent, without kernels or histograms: it reads nothing from the device,
   * so it still works after the GPU device is lost (the page keeps every step the worker finished).
   */
  flushPending(): TrainSnapshot {
    this.lastSnapshot = this.now();
    const variants = this.variants.map(takePending);
    const snapshot: TrainSnapshot = { step: this.completed, stepsPerEpoch: this.stepsPerEpoch, totalSteps: this.totalSteps, variants };
    this.options.onSnapshot?.(snapshot);
    return snapshot;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.running = false;
    for (const v of this.variants) v.runner.dispose();
    for (const t of this.tests) tf.dispose([t.x, t.labels]);
    this.probe.dispose();
  }
}

/** A variant's snapshot of what is new since the last one (losses, test points), without details. */
function takePending(v: Variant): VariantSnapshot {
  const recent = v.history.ms.slice(-RECENT_STEPS);
  return {
    norm: v.history.norm,
    params: v.history.params,
    losses: v.pendingLosses.splice(0),
    test: v.pendingTests.splice(0),
    msPerStep: recent.length ? recent.reduce((a, b) => a + b, 0) / recent.length : 0,
    diverged: v.history.diverged,
  };
}
