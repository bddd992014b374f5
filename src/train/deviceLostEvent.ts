// What the worker tells the page when its GPU device or WebGL context is lost, and which points stay.
import { describeLoss, type DeviceLoss } from '../platform/gpuDevice';
import type { TrainCheckpoint, TrainEvent } from './protocol';

export type DeviceLostEvent = Extract<TrainEvent, { type: 'device-lost' }>;

/**
 * A destroyed WebGPU device fails the next read, so every point sent before is real. A lost WebGL
 * context reads zeros or NaN until the worker notices, which may be a step or more later: only the
 * points up to the last checkpoint (taken while the context was alive) are kept.
 */
export function deviceLostEvent(loss: DeviceLoss, step: number, checkpoint: TrainCheckpoint | null): DeviceLostEvent {
  if (loss.reason !== 'webglcontextlost') {
    return { type: 'device-lost', message: `The GPU device was lost at step ${step} (${describeLoss(loss)}).`, step, checkpoint };
  }
  const keptStep = Math.min(step, checkpoint?.step ?? 0);
  const dropped = step > keptStep ? ` The steps after ${keptStep} may have been computed by the lost context: they are not shown.` : '';
  return {
    type: 'device-lost',
    message: `The WebGL context was lost at step ${step} (${describeLoss(loss)}).${dropped}`,
    step,
    checkpoint,
    keptStep,
  };
}
