// Typed messages between the whitening view (main thread) and its module worker.
// Requests carry increasing ids; the worker only computes the newest pending request
// (latest request wins) and the client drops any answer that is not for its newest id.
import type { ImplementationName } from '../core/kernelNames';
import type { ChannelStats, Histogram, WhitenOptions, WhitenResult } from '../core/whiten';
import { defaultWhitenSettings } from '../core/whitenSettings';
import type { BackendInfo, BackendName } from './backend';

/** The view's controls: kernel size, eps, Newton–Schulz iterations, sampling stride, grey. */
/**
 * Who computes the view's whitening: 'direct' is our own engine (core/whitenDirect: statistics and
 * Newton–Schulz in float64 JavaScript, the convolution on WebAssembly SIMD; a slider change on a
 * 512x512 colour photo in about 20 ms, no backend needed); 'backend' is the tfjs path
 * on the chosen backend (the fused WGSL kernels on WebGPU), to watch that backend do it.
 */
export type WhitenEngine = 'direct' | 'backend';
export type WhitenSettings = WhitenOptions & { engine: WhitenEngine };
export type ChannelStatsData = ChannelStats;
export type HistogramData = Histogram;
/** Everything the view draws for one whitened image (plain data, structured-cloneable). */
export type WhitenPayload = WhitenResult;

export type ImageSource = { kind: 'blob'; blob: Blob; name: string } | { kind: 'url'; url: string; name: string };

export type WhitenErrorCode = 'empty' | 'not-image' | 'unsupported' | 'corrupt' | 'too-small' | 'too-large' | 'compute' | 'frame';

export type WhitenRequest =
  | { type: 'init'; backend?: BackendName }
  /** Whiten the given image (or, without `source`, the current one) with `settings`. */
  | { type: 'whiten'; id: number; source?: ImageSource; settings: WhitenSettings }
  /** One webcam frame: apply the cached kernels; re-estimate them when `refreshStats`. */
  | { type: 'frame'; id: number; frame: ImageBitmap; settings: WhitenSettings; refreshStats: boolean }
  /** Test hook: make the worker die so the client's recovery path can be exercised. */
  | { type: 'crash' }
  /** Test hook: destroy the worker's WebGPU device (answered by 'device-lost'). */
  | { type: 'lose-device' };

export interface ImageInfo {
  name: string;
  width: number;
  height: number;
  /** Size of the file as decoded, before any downscaling. */
  sourceWidth: number;
  sourceHeight: number;
  channels: 1 | 3;
  /** Sentences for the user: downscaled, alpha dropped, greyscale detected. */
  notices: string[];
  /** The (downscaled) picture as decoded, for the "original" panel. */
  bitmap: ImageBitmap;
}

/** A whitened webcam frame: just what the canvas needs. */
export interface FrameImage {
  width: number;
  height: number;
  channels: 1 | 3;
  whitened: Float32Array;
  displayRange: number;
}

export type WhitenResponse =
  | { type: 'ready'; backend: BackendInfo; implementation: ImplementationName; fellBack: boolean }
  | { type: 'fatal'; message: string }
  /** `backend` is absent when the direct engine computed it (no tfjs backend involved). */
  | { type: 'result'; id: number; image?: ImageInfo; payload: WhitenPayload; ms: number; backend?: BackendName }
  | {
      type: 'frame-result';
      id: number;
      frame: FrameImage;
      /** Present when the statistics (kernels, histograms, spectrum) were re-estimated on this frame. */
      payload?: WhitenPayload;
      ms: number;
      /** Absent when the direct engine computed it (no tfjs backend involved). */
      backend?: BackendName;
    }
  | { type: 'error'; id: number; code: WhitenErrorCode; message: string }
  /** The worker's GPU device is gone: it cannot compute any more (the client starts a new worker). */
  | { type: 'device-lost'; message: string };

/** Long side, in pixels, above which images are downscaled before whitening. */
export const MAX_IMAGE_SIDE = 1024;

/** Grey by default: the diverging map of one channel shows the edge map most plainly on a projector. */
/** The whitening settings table's defaults (core/whitenSettings.ts). */
export const DEFAULT_SETTINGS: WhitenSettings = defaultWhitenSettings();
