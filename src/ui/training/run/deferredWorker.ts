// A WorkerLike whose real worker arrives later (from a dynamic import): commands wait in order
// until it has loaded, and the handlers set on this object are the ones the real worker calls.
import type { WorkerLike } from '../../../platform/workerChannel';

export class DeferredWorker<Command, Event> implements WorkerLike<Command, Event> {
  onmessage: ((event: MessageEvent<Event>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private worker: WorkerLike<Command, Event> | null = null;
  private queued: { message: Command; transfer?: Transferable[] }[] = [];
  private terminated = false;

  constructor(load: () => Promise<WorkerLike<Command, Event>>) {
    void load().then(
      (worker) => this.attach(worker),
      (error: unknown) => this.onerror?.({ message: `the worker could not be loaded: ${String(error)}` } as ErrorEvent),
    );
  }

  postMessage(message: Command, transfer?: Transferable[]): void {
    if (this.terminated) return;
    if (this.worker) this.worker.postMessage(message, transfer);
    else this.queued.push({ message, transfer });
  }

  terminate(): void {
    this.terminated = true;
    this.queued = [];
    this.worker?.terminate();
  }

  private attach(worker: WorkerLike<Command, Event>): void {
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
