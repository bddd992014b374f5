// The WebGL context under tfjs's webgl backend: notices when the browser takes it away (driver
// reset, too many contexts, a GPU process crash) and can lose it on purpose (test hook), the way
// gpuDevice.ts does for a WebGPU device.
import * as tf from '@tensorflow/tfjs-core';
import type { DeviceLoss } from './gpuDevice';

interface WebglBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

/** The webgl backend's context, or undefined when another backend is active. */
function activeWebglContext(): WebGLRenderingContext | WebGL2RenderingContext | undefined {
  if (tf.getBackend() !== 'webgl') return undefined;
  return (tf.backend() as unknown as WebglBackendLike).gpgpu?.gl;
}

/** A lost WebGL context as a DeviceLoss, with the browser's words when it gave any. */
export function webglLoss(detail = ''): DeviceLoss {
  return { reason: 'webglcontextlost', message: detail || 'the browser took the WebGL context away' };
}

/** Calls `onLost` once when the active WebGL context is lost; returns false when there is none. */
export function watchWebglContextLoss(onLost: (loss: DeviceLoss) => void): boolean {
  const canvas = activeWebglContext()?.canvas as HTMLCanvasElement | OffscreenCanvas | undefined;
  if (!canvas) return false;
  canvas.addEventListener(
    'webglcontextlost',
    (event: Event) => onLost(webglLoss((event as Event & { statusMessage?: string }).statusMessage)),
    { once: true },
  );
  return true;
}

/**
 * True once the active WebGL context is lost. The flag flips at the loss, before the
 * 'webglcontextlost' event (a queued task, which a busy worker may run a step or more later);
 * anything read back after it is not real (zeros, NaN).
 */
export function webglContextLost(): boolean {
  return activeWebglContext()?.isContextLost() ?? false;
}

/** Test hook: loses the active WebGL context (WEBGL_lose_context); false when there is nothing to lose. */
export function loseWebglContext(): boolean {
  const lose = activeWebglContext()?.getExtension('WEBGL_lose_context');
  if (!lose) return false;
  lose.loseContext();
  return true;
}
