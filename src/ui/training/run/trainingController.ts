// Glue between the stores, the URL hash and the training worker. One instance for the page, so a
// run survives switching tabs (the view pauses it when hidden).
import { useShellStore } from '../../../state/shellStore';
import { addressSearchFor, applyAddressBackend, changedRunKeys, forcedBackend, toTrainConfig } from '../../../state/trainingConfig';
import { configStore, runStore, type ConfigStore, type RunStore } from '../../../state/trainingStore';
import { parseQuery, serialiseQuery, trainingHash, trainingQueryOf } from '../../../state/urlHash';
import { LIVE_KEYS, TRAINING_SCHEMA, type TrainingParams } from '../../../state/urlHashSchema';
import { fellBackFromWebGpu, type BackendName } from '../../../platform/backendName';
import { checkpointFits, type TrainCheckpoint, type TrainEvent, type WorkerDiagnostics } from '../../../train/protocol';
import { readUpload, type FileLike } from '../settings/cifarUpload';
import { TrainWorkerClient, createModuleWorker, type WorkerFactory } from './trainWorkerClient';
import { DeferredWorker } from './deferredWorker';
import { checkAfterSleep } from './afterSleep';
import { watchSleep } from '../../../platform/pageSleep';

const RESET_DEBOUNCE_MS = 250;
/** How long diagnostics() waits for the worker's own answer before it returns the last posted figures. */
export const FRESH_GRACE_MS = 50;

export interface DashboardDiagnostics extends Partial<WorkerDiagnostics> {
  /** True when the worker figures (backend, memory, step) come from the worker, cached or fresh. */
  workerAnswered: boolean;
  /** How old the worker figures are, in ms (0 for a fresh answer); absent without any. */
  ageMs?: number;
  ui: {
    step: number;
    stepsPerEpoch: number;
    state: string;
    variants: { norm: string; points: number; msPerStep: number; diverged: boolean }[];
    workerLost?: string;
    deviceLost?: string;
  };
  hash: string;
}

export class TrainingController {
  readonly config: ConfigStore;
  readonly run: RunStore;
  private readonly client: TrainWorkerClient;
  private resetTimer: ReturnType<typeof setTimeout> | null = null;
  private lastParams: TrainingParams;
  /** The lost worker's last CPU checkpoint, kept until a resume uses it. */
  private checkpoint: TrainCheckpoint | null = null;
  /** Backend chosen by a resume after a lost GPU device (until the backend setting changes). */
  private backendOverride: BackendName | undefined;
  /**
   * Play was pressed and not taken back by a pause (or by the run stopping). A reset the page makes
   * on its own (settings read from the link at start-up) plays again, so an early Play is not lost.
   */
  private playWanted = false;
  /**
   * The worker's latest diagnostics (it posts them with every state change and snapshot) and when
   * they arrived: a worker busy inside a step answers late, the page never has to wait for it.
   */
  private latestDiagnostics: { diagnostics: WorkerDiagnostics; at: number } | null = null;
  /** Whether the page shows the Training tab (the worker's start-up waits while it does not). */
  private viewVisible = true;

  constructor(factory: WorkerFactory, config: ConfigStore = configStore, run: RunStore = runStore) {
    this.config = config;
    this.run = run;
    this.lastParams = config.getState().params;
    this.client = new TrainWorkerClient(factory, {
      onEvent: (event) => this.onEvent(event),
      onLost: (message) => this.run.getState().dispatch({ type: 'worker-lost', message }),
    });
    this.config.subscribe((state) => this.onParams(state.params));
    this.init();
  }

  /**
   * Tells the worker whether the Training tab shows: hidden, its start-up (dataset, models, kernel
   * compilation) waits between phases so the visible view gets the machine's cores.
   */
  setViewVisible(visible: boolean): void {
    if (visible === this.viewVisible) return;
    this.viewVisible = visible;
    this.client.send({ type: 'visibility', visible });
  }

  play(): void {
    const { run } = this.run.getState();
    if (run.workerLost || run.deviceLost || run.state === 'loading') return;
    this.playWanted = true;
    this.client.send({ type: 'play' });
  }

  pause(): void {
    this.playWanted = false;
    this.client.send({ type: 'pause' });
  }

  togglePlay(): void {
    if (this.run.getState().run.state === 'running') this.pause();
    else this.play();
  }

  step(): void {
    const state = this.run.getState().run.state;
    const { run } = this.run.getState();
    if (state === 'running' || state === 'loading' || state === 'compiling' || run.workerLost || run.deviceLost) return;
    this.client.send({ type: 'step' });
  }

  reset(): void {
    this.playWanted = false;
    this.resetRun();
  }

  private resetRun(): void {
    this.cancelPendingReset();
    this.run.getState().dispatch({ type: 'history-cleared' });
    this.config.getState().setRestartNotice(undefined);
    this.client.send({ type: 'reset', config: toTrainConfig(this.config.getState().params) });
  }

  /** After a crash or a lost GPU device: a new worker, same settings; the old curves stay. */
  restartWorker(): void {
    this.client.restart();
    this.latestDiagnostics = null;
    this.run.getState().dispatch({ type: 'worker-restarted' });
    this.init();
  }

  /**
   * After a lost GPU device: a new worker on `backend` continues from the last checkpoint (curve
   * points after it are dropped and recomputed). With changed settings or no checkpoint it starts at 0.
   */
  resume(backend: BackendName): void {
    const config = toTrainConfig(this.config.getState().params);
    const checkpoint = this.checkpoint && checkpointFits(this.checkpoint, config) ? this.checkpoint : null;
    this.checkpoint = null;
    this.backendOverride = backend;
    this.client.restart();
    this.latestDiagnostics = null;
    if (checkpoint) this.run.getState().dispatch({ type: 'resumed', step: checkpoint.step });
    else {
      this.run.getState().dispatch({ type: 'history-cleared' });
      this.run.getState().dispatch({ type: 'worker-restarted' });
    }
    this.init(checkpoint ?? undefined);
  }

  /** The page slept for `pausedMs`: the worker times its steps without it; one that does not come back is reported lost. */
  onWake(pausedMs: number): void {
    void checkAfterSleep(this.client, pausedMs).then((message) => {
      if (message && !this.run.getState().run.workerLost) this.run.getState().dispatch({ type: 'worker-lost', message });
    });
  }

  /** Test hook (window.deconvLab.loseGpuDevice): the worker destroys its WebGPU device. */
  loseGpuDevice(): void {
    this.client.send({ type: 'lose-device' });
  }

  async uploadCifar(files: readonly FileLike[]): Promise<string | null> {
    const result = await readUpload(files);
    if (!result.ok) return result.message;
    this.client.send(
      { type: 'cifar-files', files: result.files },
      result.files.map((file) => file.bytes),
    );
    this.reset();
    return null;
  }

  /**
   * window.deconvLab.diagnostics(): the worker's own answer when it comes within FRESH_GRACE_MS (an
   * idle worker), else at once the figures it last posted, with their age (a worker inside a step).
   */
  diagnostics(): Promise<DashboardDiagnostics> {
    const fresh = this.client.diagnostics();
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.cachedReport()), FRESH_GRACE_MS);
      void fresh.then((answer) => {
        clearTimeout(timer);
        resolve(answer ? this.report(answer, 0) : this.cachedReport());
      });
    });
  }

  private cachedReport(): DashboardDiagnostics {
    const latest = this.latestDiagnostics;
    return this.report(latest?.diagnostics ?? null, latest ? Math.max(0, now() - latest.at) : undefined);
  }

  /** Waits for the worker's own answer (up to a few seconds while it is inside a step; the panel's refresh). */
  async freshDiagnostics(): Promise<DashboardDiagnostics> {
    const fromWorker = await this.client.diagnostics();
    return fromWorker ? this.report(fromWorker, 0) : this.cachedReport();
  }

  private report(fromWorker: WorkerDiagnostics | null, ageMs: number | undefined): DashboardDiagnostics {
    const { run } = this.run.getState();
    return {
      ...(fromWorker ?? {}),
      backend: fromWorker?.backend ?? run.backend,
      workerAnswered: fromWorker !== null,
      ageMs,
      ui: {
        step: run.step,
        stepsPerEpoch: run.stepsPerEpoch,
        state: run.state,
        variants: run.variants.map((v) => ({ norm: v.norm, points: v.losses.length, msPerStep: v.msPerStep, diverged: v.diverged })),
        workerLost: run.workerLost,
        deviceLost: run.deviceLost?.message,
      },
      hash: trainingHash(this.config.getState().params),
    };
  }

  /** Reads `#/training?...` (called on mount and on hashchange). An empty query keeps the settings. */
  syncFromHash(hash: string): void {
    const query = trainingQueryOf(hash);
    if (query === null) return;
    const current = this.config.getState().params;
    if (query === '' || query === serialiseQuery(current)) {
      this.writeHash(current);
      return;
    }
    loadLinkSettings(this.config, query);
    this.writeHash(this.config.getState().params);
  }

  /** An address with `?backend=` follows the Training tab's backend setting, so both always agree. */
  private writeAddressBackend(params: TrainingParams): void {
    if (typeof window === 'undefined') return;
    const search = addressSearchFor(window.location.search, params.backend);
    if (search === null) return;
    const url = new URL(window.location.href);
    url.search = search;
    window.history.replaceState(window.history.state, '', url.href);
  }

  private writeHash(params: TrainingParams): void {
    if (typeof window === 'undefined' || trainingQueryOf(window.location.hash) === null) return;
    const next = trainingHash(params);
    if (window.location.hash !== next) window.history.replaceState(window.history.state, '', next);
  }

  private init(checkpoint?: TrainCheckpoint): void {
    const params = this.config.getState().params;
    const backend = this.backendOverride ?? forcedBackend(params);
    this.client.send({ type: 'init', config: toTrainConfig(params), backend, baseUrl: appBaseUrl(), checkpoint });
    this.client.send({ type: 'update-rate', hz: params.hz });
    // A new worker starts visible; one started while the tab is hidden must know at once.
    if (!this.viewVisible) this.client.send({ type: 'visibility', visible: false });
  }

  private onParams(params: TrainingParams): void {
    const previous = this.lastParams;
    if (params === previous) return;
    this.lastParams = params;
    this.writeHash(params);
    if (params.hz !== previous.hz) this.client.send({ type: 'update-rate', hz: params.hz });
    const changed = changedRunKeys(previous, params, LIVE_KEYS);
    if (changed.length === 0) return;
    const { run } = this.run.getState();
    if (run.step > 0 || run.state === 'running') {
      const names = changed.map((key) => TRAINING_SCHEMA[key].label).join(', ');
      this.config.getState().setRestartNotice(`Changed ${names}: the run restarted from step 0 with the new settings.`);
    }
    this.cancelPendingReset();
    // A worker without its GPU device cannot reset; the resume buttons start from the new settings.
    if (run.deviceLost) return;
    if (changed.includes('backend')) {
      this.writeAddressBackend(params);
      this.backendOverride = undefined;
      this.run.getState().dispatch({ type: 'history-cleared' });
      this.restartWorker();
      return;
    }
    if (run.state === 'running') this.pause();
    this.resetTimer = setTimeout(() => {
      this.resetTimer = null;
      const notice = this.config.getState().restartNotice;
      this.resetRun();
      if (this.playWanted) this.client.send({ type: 'play' });
      this.config.getState().setRestartNotice(notice);
    }, RESET_DEBOUNCE_MS);
  }

  private cancelPendingReset(): void {
    if (this.resetTimer) clearTimeout(this.resetTimer);
    this.resetTimer = null;
  }

  private onEvent(event: TrainEvent): void {
    if (event.type === 'device-lost') this.checkpoint = event.checkpoint;
    if (event.type === 'diagnostics') this.latestDiagnostics = { diagnostics: event.diagnostics, at: now() };
    if (event.type === 'status' && ['paused', 'finished', 'error'].includes(event.state)) this.playWanted = false;
    this.run.getState().dispatch(event);
    if (event.type === 'backend') {
      const { name, reason, adapter, fallbackAdapter, software, softwareGpu, calibration, detail } = event.info;
      useShellStore.getState().setBackend({
        name,
        reason,
        implementation: event.implementation,
        adapter,
        fallbackAdapter,
        software,
        softwareGpu,
        calibration,
        detail,
        fellBack: fellBackFromWebGpu(name, forcedBackend(this.config.getState().params)),
      });
    }
  }
}

/**
 * Loads a link's settings (`#/training?...`) in one store update, with `?backend=` from the page
 * address applied on top (trainingConfig.applyAddressBackend): two updates would restart the worker.
 */
function loadLinkSettings(config: ConfigStore, query: string | null): void {
  const search = typeof window === 'undefined' ? '' : window.location.search;
  const parsed = query ? parseQuery(query) : { params: config.getState().params, notices: [] };
  const { params, notice } = applyAddressBackend(parsed.params, search);
  if (!query && params === parsed.params) return;
  config.setState({ params, hashNotices: notice ? [...parsed.notices, notice] : parsed.notices });
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Where the app (and its data/ folder) is served from, for the worker's dataset fetches. */
function appBaseUrl(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  return new URL(import.meta.env.BASE_URL ?? './', document.baseURI).href;
}

let instance: TrainingController | null = null;

function chooseFactory(): WorkerFactory {
  const fake = typeof window !== 'undefined' && new URLSearchParams(window.location.search).has('fake-trainer');
  if (!fake) return createModuleWorker;
  return () => new DeferredWorker(() => import('./testing/fakeTrainWorker').then((m) => new m.FakeTrainWorker()));
}

interface DeconvLabGlobal {
  diagnostics?: () => Promise<DashboardDiagnostics>;
  loseGpuDevice?: () => void;
  [key: string]: unknown;
}

/** The page's controller, created on first use; also exposes window.deconvLab.diagnostics(). */
export function trainingController(): TrainingController {
  if (!instance) {
    // Read the link's settings before the worker starts, so it loads the right data first.
    if (typeof window !== 'undefined') {
      loadLinkSettings(configStore, trainingQueryOf(window.location.hash));
    }
    const controller = new TrainingController(chooseFactory());
    instance = controller;
    if (typeof window !== 'undefined') {
      // The Training tab is the only view that shows the run; elsewhere the start-up yields.
      window.addEventListener('hashchange', () => controller.setViewVisible(trainingQueryOf(window.location.hash) !== null));
      watchSleep(document, (pausedMs) => controller.onWake(pausedMs));
      const host = window as unknown as { deconvLab?: DeconvLabGlobal };
      host.deconvLab = { ...host.deconvLab, diagnostics: () => controller.diagnostics(), loseGpuDevice: () => controller.loseGpuDevice() };
    }
  }
  return instance;
}
