import { describe, expect, it } from 'vitest';
import type { TrainCommand, TrainEvent } from '../../../train/protocol';
import { DeferredWorker } from './deferredWorker';
import type { WorkerLike } from './trainWorkerClient';

class RecordingWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<TrainEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  received: TrainCommand['type'][] = [];
  terminated = false;
  postMessage(message: TrainCommand): void {
    this.received.push(message.type);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function loader() {
  let resolve: (worker: WorkerLike) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<WorkerLike>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { load: () => promise, resolve, reject, promise };
}

describe('DeferredWorker', () => {
  it('holds commands until the worker has loaded, then delivers them in order, and forwards its events', async () => {
    const { load, resolve, promise } = loader();
    const deferred = new DeferredWorker(load);
    const events: string[] = [];
    deferred.onmessage = (event) => events.push(event.data.type);
    deferred.postMessage({ type: 'play' });
    deferred.postMessage({ type: 'pause' });
    const real = new RecordingWorker();
    resolve(real);
    await promise.then(() => undefined);
    expect(real.received).toEqual(['play', 'pause']);
    deferred.postMessage({ type: 'step' });
    expect(real.received).toEqual(['play', 'pause', 'step']);
    real.onmessage?.({ data: { type: 'status', state: 'ready' } } as MessageEvent<TrainEvent>);
    expect(events).toEqual(['status']);
  });

  it('terminated before loading: the loaded worker is terminated and gets nothing', async () => {
    const { load, resolve, promise } = loader();
    const deferred = new DeferredWorker(load);
    deferred.postMessage({ type: 'play' });
    deferred.terminate();
    const real = new RecordingWorker();
    resolve(real);
    await promise.then(() => undefined);
    expect(real.terminated).toBe(true);
    expect(real.received).toEqual([]);
  });

  it('a failed load is reported through onerror', async () => {
    const { load, reject, promise } = loader();
    const deferred = new DeferredWorker(load);
    const errors: string[] = [];
    deferred.onerror = (event) => errors.push(event.message);
    reject(new Error('chunk missing'));
    await promise.catch(() => undefined);
    await Promise.resolve();
    expect(errors).toEqual(['the worker could not be loaded: Error: chunk missing']);
  });
});
