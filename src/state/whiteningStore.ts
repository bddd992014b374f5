// State of the whitening view: settings, the last good result, errors and notices, webcam frames.
// Talks to the whitening worker through WhitenClient; the last good result is only replaced by a
// newer good result, never cleared by an error.
import { create } from 'zustand';
import { addressBackend, type BackendName } from '../platform/backendName';
import { WhitenClient } from '../platform/whitenClient';
import {
  type FrameImage,
  type ImageInfo,
  type ImageSource,
  type WhitenPayload,
  type WhitenResponse,
  type WhitenSettings,
} from '../platform/whitenProtocol';
import { LatestOnlySender } from './latestOnlySender';
import { useShellStore } from './shellStore';
import { parseWhiteningHash } from './whiteningHash';

export type WhiteningStatus = 'starting' | 'working' | 'ready' | 'failed';

export interface Measurement {
  ms: number;
  /** Absent when the direct engine computed the result (no tfjs backend involved). */
  backend?: BackendName;
  implementation: WhitenPayload['implementation'];
  /** The settings this result was computed with (the sliders may already show newer ones). */
  settings?: WhitenSettings;
}

interface WhiteningState {
  settings: WhitenSettings;
  /** File name of the shipped sample on screen (null for the user's own images). */
  sample: string | null;
  status: WhiteningStatus;
  image: Omit<ImageInfo, 'bitmap'> | null;
  /** Decoded picture for the "original" panel (replaced together with `image`). */
  bitmap: ImageBitmap | null;
  payload: WhitenPayload | null;
  /** What the whitened canvas shows: the still result or the latest webcam frame. */
  display: FrameImage | null;
  measurement: Measurement | null;
  /** Id of the newest request and of the newest answer; equal when nothing is pending. */
  requestedId: number;
  answeredId: number;
  error: string | null;
  /** Request id the error belongs to: only an answer to a newer request clears it. */
  errorId: number;
  notices: string[];
  /** Name of the image being loaded, for the "loading" state. */
  loadingName: string | null;
  fps: number;
  setSettings: (change: Partial<WhitenSettings>) => void;
  load: (source: ImageSource, sample?: string) => void;
  sendFrame: (frame: ImageBitmap, refreshStats: boolean) => number;
  reportError: (message: string) => void;
}

declare global {
  interface Window {
    /** Test hook (read by e2e tests): kill the whitening worker to exercise recovery. */
    deconvLabWhitening?: { crashWorker: () => void; loseGpuDevice: () => void };
  }
}

let client: WhitenClient | null = null;
/**
 * Settings changes: sent at once while the worker is idle, else only the newest waits for the running
 * job's answer (intermediate results while a slider is dragged, no queue of stale work). Without an
 * image nothing is sent: the next load carries the settings.
 */
const settingsSender = new LatestOnlySender<WhitenSettings>((settings) => {
  if (!useWhiteningStore.getState().image) return null;
  const id = whitenRequest(settings);
  useWhiteningStore.setState({ requestedId: id, status: 'working' });
  return id;
});
const frameTimes: number[] = [];
/** Settings of each whitening request still unanswered, by id: what the answer shows. */
const sentSettings = new Map<number, WhitenSettings>();
let lastSentSettings: WhitenSettings | null = null;

function whitenRequest(settings: WhitenSettings, source?: ImageSource): number {
  const id = whiteningClient().whiten(settings, source);
  sentSettings.set(id, settings);
  lastSentSettings = settings;
  return id;
}

/** The settings of request `id`; entries for it and older requests are dropped. */
function takeSettings(id: number): WhitenSettings | undefined {
  const settings = sentSettings.get(id);
  for (const key of sentSettings.keys()) if (key <= id) sentSettings.delete(key);
  return settings;
}
/** Sample file name per image-loading request, applied when that image's result arrives. */
const pendingSamples = new Map<number, string | null>();

/**
 * The sample shown by the answer to request `id`: the worker merges a load with newer settings
 * changes into one job, so the image may arrive under a later id than its load. Older entries go.
 */
function takeSample(id: number): string | null {
  let sample: string | null = null;
  for (const [loadId, file] of pendingSamples) {
    if (loadId > id) break;
    sample = file;
    pendingSamples.delete(loadId);
  }
  return sample;
}

export const useWhiteningStore = create<WhiteningState>((set, get) => ({
  settings: parseWhiteningHash(globalThis.location?.hash ?? '').settings,
  sample: null,
  status: 'starting',
  image: null,
  bitmap: null,
  payload: null,
  display: null,
  measurement: null,
  requestedId: 0,
  answeredId: 0,
  error: null,
  errorId: 0,
  notices: [],
  loadingName: null,
  fps: 0,
  setSettings: (change) => {
    // 'working' at once: until the waiting change has been answered, the picture is for older settings.
    set({ settings: { ...get().settings, ...change }, ...(get().image ? { status: 'working' as const } : {}) });
    settingsSender.submit(get().settings);
  },
  load: (source, sample) => {
    const id = whitenRequest(get().settings, source);
    settingsSender.noteSent(id);
    pendingSamples.set(id, sample ?? null);
    set({ requestedId: id, status: 'working', loadingName: source.name });
  },
  sendFrame: (frame, refreshStats) => whiteningClient().frame(frame, get().settings, refreshStats),
  reportError: (message) => set({ error: message, errorId: get().requestedId }),
}));

type Answer = Exclude<WhitenResponse, { type: 'ready' } | { type: 'fatal' } | { type: 'device-lost' }>;

function onAnswer(message: Answer): void {
  showAnswer(message);
  if (message.type === 'frame-result') return;
  if (settingsSender.answered(message.id) !== null) return;
  // The waiting change could not go out (no image after a failed load): nothing is pending any more.
  const state = useWhiteningStore.getState();
  if (state.status === 'working' && state.answeredId >= state.requestedId)
    useWhiteningStore.setState({ status: state.payload ? 'ready' : 'failed', loadingName: null });
}

function showAnswer(message: Answer): void {
  const state = useWhiteningStore.getState();
  const done = message.id >= state.requestedId && !settingsSender.hasWaiting;
  if (message.type === 'error') {
    useWhiteningStore.setState({
      error: message.message,
      errorId: message.id,
      answeredId: Math.max(state.answeredId, message.id),
      status: done ? (state.payload ? 'ready' : 'failed') : state.status,
      loadingName: done ? null : state.loadingName,
    });
    return;
  }
  const error = message.id > state.errorId ? null : state.error;
  const measurement: Measurement = {
    ms: message.ms,
    backend: message.backend,
    implementation: message.payload?.implementation ?? state.measurement?.implementation ?? 'composed',
    settings: message.type === 'result' ? takeSettings(message.id) : state.measurement?.settings,
  };
  if (message.type === 'frame-result') {
    const now = performance.now();
    frameTimes.push(now);
    while (frameTimes.length > 0 && now - frameTimes[0] > 2000) frameTimes.shift();
    const fps = frameTimes.length > 1 ? ((frameTimes.length - 1) * 1000) / (now - frameTimes[0]) : 0;
    useWhiteningStore.setState({
      display: message.frame,
      answeredId: Math.max(state.answeredId, message.id),
      fps,
      error,
      ...(message.payload ? { payload: message.payload, measurement } : {}),
    });
    return;
  }
  const image = message.image;
  if (image) state.bitmap?.close();
  useWhiteningStore.setState({
    payload: message.payload,
    display: message.payload,
    measurement,
    answeredId: Math.max(state.answeredId, message.id),
    status: done ? 'ready' : 'working',
    error,
    ...(image ? { image: imageMeta(image), bitmap: image.bitmap, notices: image.notices, sample: takeSample(message.id) } : {}),
    loadingName: done ? null : state.loadingName,
  });
}

/** `?backend=` from the page URL (platform/backendName: platform/backend would pull tfjs into the page). */
function forcedBackend(): BackendName | undefined {
  return addressBackend(globalThis.location?.search ?? '');
}

function imageMeta(image: ImageInfo): Omit<ImageInfo, 'bitmap'> {
  const { bitmap: _bitmap, ...meta } = image;
  return meta;
}

/** The page's one whitening worker, started on first use with `?backend=` from the URL. */
export function whiteningClient(): WhitenClient {
  if (client) return client;
  const forced = forcedBackend();
  client = new WhitenClient(
    {
      onReady: ({ backend, implementation, fellBack }) => {
        useShellStore.getState().setBackend({ ...backend, implementation, fellBack });
        if (useWhiteningStore.getState().status === 'starting') useWhiteningStore.setState({ status: 'ready' });
      },
      onFatal: (message) => {
        useShellStore.getState().setBackendError(message);
        useWhiteningStore.setState({ status: 'failed', error: `No computation backend could start: ${message}` });
      },
      onAnswer,
      onCrash: (message, retryId) => {
        settingsSender.restarted(retryId);
        // The client re-sends the last image with the last settings it was sent.
        if (retryId !== null && lastSentSettings) sentSettings.set(retryId, lastSentSettings);
        useWhiteningStore.setState({
          errorId: retryId ?? useWhiteningStore.getState().requestedId,
          error: `${message} ${retryId ? 'The last image is being whitened again.' : 'Pick an image to continue.'}`,
          requestedId: retryId ?? useWhiteningStore.getState().requestedId,
          status: retryId ? 'working' : 'ready',
        });
      },
    },
    forced,
  );
  if (typeof window !== 'undefined') {
    window.deconvLabWhitening = { crashWorker: () => client?.crashForTest(), loseGpuDevice: () => client?.loseDeviceForTest() };
  }
  return client;
}
