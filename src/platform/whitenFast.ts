// What the whitening worker computes with (issue #15, "whitening at slider speed"): the direct
// engine of core/whitenDirect (float64 statistics, the convolution on WebAssembly SIMD) on every
// backend. On a 512x512 photo it computes a change of K in about 6 ms grey and 20 ms colour (k = 3)
// where the tfjs path takes about 1 s on cpu and WebGL and 4 s on software WebGPU: most of that
// second is op dispatch, im2col copies and readouts, not arithmetic. The tfjs/WGSL path stays for
// the Benchmark and the WebGPU demo (core/whiten.ts).
import type { ImageInput } from '../core/whitenInput';
import { applyKernelSet, type KernelSetData } from '../core/whitenDirect/applyKernelSet';
import { createWhitenCache } from '../core/whitenDirect/whitenCache';
import { whitenDirectSteps } from '../core/whitenDirect/whitenDirect';
import type { WhitenPayload, WhitenSettings } from './whitenProtocol';

/** A newer request was waiting when a stage ended: this whitening was dropped unanswered. */
export class SupersededError extends Error {
  constructor() {
    super('a newer whitening request replaced this one');
    this.name = 'SupersededError';
  }
}

/**
 * The current image's own analysis and its last few patch statistics, kept while the settings change:
 * eps and K changes skip the covariance and the eigensolver. Keyed by the pixel array, which the
 * worker never writes into after decoding.
 */
const cache = createWhitenCache();

/** A fresh task, so the worker's message handler can run first; a MessageChannel, because timers may be clamped to 1 ms or more. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel !== 'function') {
      setTimeout(resolve, 0);
      return;
    }
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * The payload for `image` under `settings` (same result and errors as core/whiten.ts whitenImage).
 * With `isStale`, the worker's own message handler gets to run between the stages; when it then
 * reports a newer request, the work stops with a SupersededError.
 */
export async function whitenFast(image: ImageInput, settings: WhitenSettings, isStale?: () => boolean): Promise<WhitenPayload> {
  const steps = whitenDirectSteps(image, settings, cache);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (isStale) {
      await nextTask();
      if (isStale()) throw new SupersededError();
    }
  }
}

/** A webcam frame under cached kernels (platform/whitenApply `applyKernels` without tfjs). */
export function applyKernelsFast(pixels: Float32Array, height: number, width: number, set: KernelSetData): Float32Array {
  return applyKernelSet(pixels, height, width, set);
}
