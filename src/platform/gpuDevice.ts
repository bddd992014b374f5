// The WebGPU device under tfjs's webgpu backend: notices its loss and can destroy it (test hook).
import * as tf from '@tensorflow/tfjs-core';

export interface DeviceLoss {
  /** 'destroyed' (device.destroy(), the test hook) or 'unknown' (driver reset, GPU process crash...). */
  reason: string;
  message: string;
}

interface DeviceLike {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

/** The active backend's GPU device, or undefined when the backend is not webgpu. */
export function activeGpuDevice(): DeviceLike | undefined {
  if (tf.getBackend() !== 'webgpu') return undefined;
  const device = (tf.backend() as unknown as { device?: DeviceLike }).device;
  return device && typeof device.destroy === 'function' ? device : undefined;
}

/** Calls `onLost` once if the active device is lost; returns false when there is no GPU device. */
export function watchDeviceLoss(onLost: (loss: DeviceLoss) => void): boolean {
  const device = activeGpuDevice();
  if (!device) return false;
  void device.lost.then((info) => onLost({ reason: info.reason ?? 'unknown', message: info.message ?? '' }));
  return true;
}

/** A sentence for the user: "destroyed: Device was destroyed." style, without empty parts. */
export function describeLoss(loss: DeviceLoss): string {
  const detail = loss.message.trim();
  return detail ? `${loss.reason}: ${detail}` : loss.reason;
}
