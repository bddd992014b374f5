// A WorkerLike whose real worker arrives later (from a dynamic import): commands wait in order
// until it has loaded, and the handlers set on this object are the ones the real worker calls.
import type { TrainCommand, TrainEvent } from '../../train/protocol';
import type { WorkerLike } from './trainWorkerClient';

export class DeferredWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<TrainEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private worker: WorkerLike | null = null;
  private queued: { message: TrainCommand; transfer?: Transferable[] }[] = [];
  private terminated = false;

  constructor(load: () => Promise<WorkerLike>) {
    void load().then(
      (worker) => this.attach(worker),
      (error: unknown) => this.onerror?.({ message: `the worker could not be loaded: ${String(error)}` } as ErrorEvent),
    );
  }

  postMessage(message: TrainCommand, transfer?: Transferable[]): void {
    if (this.terminated) return;
    if (this.worker) this.worker.postMessage(message, transfer);
    else this.queued.push({ message, transfer });
  }

  terminate(): void {
    this.terminated = true;
    this.queued = [];
    this.worker?.terminate();
  }

  private attach(worker: WorkerLike): void {
    if (this.terminated) {
      worker.terminate();
      return;
    }
    this.worker = worker;
    worker.onmessage = (event) => this.onmessage?.(event);
    worker.onerror = (event) => this.onerror?.(event);
    worker.onmessageerror = (event) => this.onmessageerror?.(event);
    for (const { message, transfer } of this.queued) worker.postMessage(message, transfer);
    this.queued = [];
  }
}
