// Module worker of the whitening view: picks the backend, decodes images, whitens them and
// whitens webcam frames. Only the newest pending request of each kind is computed.
import { activeImplementation } from '../core/ops';
import { whitenImage, type WhitenResult } from '../core/whiten';
import { toLuminance } from '../core/whitenInput';
import { parseBackendName, selectBackend, type BackendName } from './backend';
import { fellBackFromWebGpu } from './backendName';
import { activeGpuDevice, describeLoss, watchDeviceLoss } from './gpuDevice';
import { applyKernels, type KernelSet } from './whitenApply';
import { applyKernelsFast, SupersededError, whitenFast } from './whitenFast';
import { decodeImage, frameToPixels, InputError, type DecodedImage } from './whitenDecode';
import type { ImageSource, WhitenPayload, WhitenRequest, WhitenResponse, WhitenSettings } from './whitenProtocol';

type WhitenJob = Extract<WhitenRequest, { type: 'whiten' }>;
type FrameJob = Extract<WhitenRequest, { type: 'frame' }>;

/** Long side of webcam frames as whitened: shrinks while frames are slow (software WebGPU), grows back when fast. */
const FRAME_SIDE = { max: 320, min: 96, slowMs: 400, fastMs: 120 };
let frameSide = FRAME_SIDE.max;
/** A statistics refresh is skipped until 3x its last cost has passed, so slow backends still stream frames. */
let lastRefresh = { at: -Infinity, ms: 0 };

let backendReady: Promise<BackendName | null> = Promise.resolve(null);
let current: DecodedImage | null = null;
let pendingWhiten: WhitenJob | null = null;
let pendingFrame: FrameJob | null = null;
let running = false;
let frameCache: { key: string; set: KernelSet; displayRange: number } | null = null;

function post(message: WhitenResponse, transfer: Transferable[] = []): void {
  (self as unknown as Worker).postMessage(message, transfer);
}

function payloadTransfer(payload: WhitenPayload): Transferable[] {
  return [payload.whitened.buffer as ArrayBuffer];
}

async function init(forced: BackendName | undefined): Promise<BackendName | null> {
  try {
    const backend = await selectBackend(forced);
    watchDeviceLoss((loss) => post({ type: 'device-lost', message: `The GPU device was lost (${describeLoss(loss)}).` }));
    post({ type: 'ready', backend, implementation: activeImplementation(), fellBack: fellBackFromWebGpu(backend.name, forced) });
    return backend.name;
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

async function loadSource(source: ImageSource): Promise<DecodedImage> {
  let blob: Blob;
  if (source.kind === 'blob') {
    blob = source.blob;
  } else {
    const response = await fetch(source.url);
    if (!response.ok) throw new InputError('not-image', `The sample "${source.name}" could not be loaded (HTTP ${response.status}).`);
    blob = await response.blob();
  }
  return decodeImage(source.name, blob);
}

function checkSize(width: number, height: number, settings: WhitenSettings): void {
  if (width < settings.kernel || height < settings.kernel) {
    throw new InputError(
      'too-small',
      `The image is ${width}×${height} px, smaller than the ${settings.kernel}×${settings.kernel} kernel: choose a larger image or a smaller kernel.`,
    );
  }
}

/** The job's engine: the direct one needs no backend; the tfjs one runs on `backend`. */
function compute(image: Parameters<typeof whitenImage>[0], job: WhitenJob | FrameJob, isStale?: () => boolean): Promise<WhitenResult> {
  return job.settings.engine === 'direct' ? whitenFast(image, job.settings, isStale) : whitenImage(image, job.settings);
}

async function runWhiten(job: WhitenJob, backend: BackendName | undefined): Promise<void> {
  const started = performance.now();
  const image = job.source ? await loadSource(job.source) : current;
  if (!image) throw new InputError('compute', 'No image is loaded yet: pick a sample or upload a photo.');
  try {
    checkSize(image.width, image.height, job.settings);
    // A settings-only job may stop between stages once a newer request waits; a load never does (its image would be lost).
    const payload = await compute(image, job, job.source ? undefined : () => pendingWhiten !== null);
    const ms = performance.now() - started;
    if (job.source) {
      current?.bitmap.close();
      current = image;
      const { data: _pixels, bitmap, ...meta } = image;
      // The worker keeps its bitmap for later results; the page gets a copy.
      const copy = await createImageBitmap(bitmap);
      post({ type: 'result', id: job.id, image: { ...meta, name: job.source.name, bitmap: copy }, payload, ms, backend }, [
        ...payloadTransfer(payload),
        copy,
      ]);
    } else {
      post({ type: 'result', id: job.id, payload, ms, backend }, payloadTransfer(payload));
    }
  } catch (error) {
    if (image !== current) image.bitmap.close();
    throw error;
  }
}

function settingsKey(s: WhitenSettings): string {
  return [s.kernel, s.eps, s.iters, s.samplingStride, s.grey, s.engine].join('|');
}

async function runFrame(job: FrameJob, backend: BackendName | undefined): Promise<void> {
  const started = performance.now();
  const rgb = frameToPixels(job.frame, frameSide);
  job.frame.close();
  const { width, height } = rgb;
  checkSize(width, height, job.settings);
  const key = settingsKey(job.settings);
  let payload: WhitenPayload | undefined;
  const refreshDue = job.refreshStats && started - lastRefresh.at >= 3 * lastRefresh.ms;
  if (refreshDue || !frameCache || frameCache.key !== key) {
    payload = await compute({ data: rgb.data, width, height, channels: 3 }, job);
    lastRefresh = { at: performance.now(), ms: performance.now() - started };
    frameCache = {
      key,
      set: { shape: payload.kernels.shape, data: payload.kernels.data, mean: payload.mean },
      displayRange: payload.displayRange,
    };
  }
  const channels = job.settings.grey ? 1 : 3;
  const pixels = job.settings.grey ? toLuminance({ ...rgb, channels: 3 }).data : rgb.data;
  const whitened = payload
    ? payload.whitened.slice()
    : job.settings.engine === 'direct'
      ? applyKernelsFast(pixels, height, width, frameCache.set)
      : await applyKernels(pixels, height, width, frameCache.set);
  const frame = { width, height, channels: channels as 1 | 3, whitened, displayRange: frameCache.displayRange };
  const transfer: Transferable[] = [whitened.buffer as ArrayBuffer, ...(payload ? payloadTransfer(payload) : [])];
  const ms = performance.now() - started;
  if (!payload && ms > FRAME_SIDE.slowMs) frameSide = Math.max(FRAME_SIDE.min, Math.round(frameSide * 0.75));
  if (!payload && ms < FRAME_SIDE.fastMs) frameSide = Math.min(FRAME_SIDE.max, Math.round(frameSide * 1.25));
  post({ type: 'frame-result', id: job.id, frame, payload, ms, backend }, transfer);
}

function describe(error: unknown): { code: InputError['code']; message: string } {
  if (error instanceof InputError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'compute', message: `Whitening failed: ${detail}` };
}

async function pump(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (pendingWhiten || pendingFrame) {
      const job = pendingWhiten ?? pendingFrame;
      if (!job) break;
      if (job === pendingWhiten) pendingWhiten = null;
      else pendingFrame = null;
      const direct = job.settings.engine === 'direct';
      const backend = direct ? undefined : ((await backendReady) ?? null);
      if (backend === null) {
        post({ type: 'error', id: job.id, code: 'compute', message: 'No computation backend could start in this browser.' });
        continue;
      }
      try {
        if (job.type === 'whiten') await runWhiten(job, backend);
        else await runFrame(job, backend);
      } catch (error) {
        if (!(error instanceof SupersededError)) post({ type: 'error', id: job.id, ...describe(error) });
      }
    }
  } finally {
    running = false;
  }
}

self.onmessage = (event: MessageEvent<WhitenRequest>) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      backendReady = init(parseBackendName(message.backend));
      break;
    case 'whiten':
      // A newer request replaces a pending one, but must not lose the image it was loading.
      pendingWhiten = { ...message, source: message.source ?? pendingWhiten?.source };
      void pump();
      break;
    case 'frame':
      pendingFrame?.frame.close();
      pendingFrame = message;
      void pump();
      break;
    case 'lose-device': {
      const device = activeGpuDevice();
      if (device) device.destroy();
      else post({ type: 'error', id: 0, code: 'compute', message: 'There is no GPU device to lose: whitening does not run on WebGPU.' });
      break;
    }
    case 'crash':
      setTimeout(() => {
        throw new Error('the whitening worker was stopped on purpose (test hook)');
      });
      break;
  }
};
