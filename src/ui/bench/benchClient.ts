// Typed channel to the benchmark worker. Each run gets a fresh worker (a clean GPU device and no
// memory left from the last run), ended when the run ends. A crashed worker becomes a message;
// a cancel the worker does not answer in time (a long case on a slow device) ends it outright.
import type { BenchCommand, BenchEvent, BenchSuiteOptions } from '../../bench/types';

/** The part of a Worker the client uses (a fake implements it in tests). */
export interface BenchWorkerLike {
  postMessage(message: BenchCommand): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<BenchEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type BenchWorkerFactory = () => BenchWorkerLike;

export interface BenchClientHandlers {
  onEvent(event: BenchEvent): void;
  /** The worker died or could not start; the rows already received stay with the caller. */
  onLost(message: string): void;
}

export function createBenchWorker(): BenchWorkerLike {
  return new Worker(new URL('../../bench/benchWorker.ts', import.meta.url), { type: 'module', name: 'deconv-lab-bench' }) as unknown as BenchWorkerLike;
}

const ENDING_EVENTS: ReadonlySet<BenchEvent['type']> = new Set(['done', 'cancelled', 'error']);

export class BenchClient {
  private worker: BenchWorkerLike | null = null;
  private cancelTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly factory: BenchWorkerFactory;
  private readonly handlers: BenchClientHandlers;
  /** How long a cancel may wait for the current case before the worker is ended. */
  private readonly cancelGraceMs: number;

  constructor(factory: BenchWorkerFactory, handlers: BenchClientHandlers, cancelGraceMs = 10_000) {
    this.factory = factory;
    this.handlers = handlers;
    this.cancelGraceMs = cancelGraceMs;
  }

  get running(): boolean {
    return this.worker !== null;
  }

  /** Starts a run in a new worker (ending any previous one). False when the worker could not start. */
  run(options: BenchSuiteOptions): boolean {
    this.stop();
    let worker: BenchWorkerLike;
    try {
      worker = this.factory();
    } catch (error) {
      this.handlers.onLost(`The benchmark worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    worker.onmessage = (event) => this.receive(worker, event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.lose(worker, `The benchmark worker stopped: ${event.message || 'it failed to load or crashed'}. The rows measured before it stopped are kept.`);
    };
    worker.onmessageerror = () => this.lose(worker, 'The benchmark worker sent a message that could not be read.');
    this.worker = worker;
    worker.postMessage({ type: 'run', options });
    return true;
  }

  /** Asks the worker to stop after the current case; ends it if it does not answer in time. */
  cancel(): void {
    const worker = this.worker;
    if (!worker || this.cancelTimer !== undefined) return;
    worker.postMessage({ type: 'cancel' });
    this.cancelTimer = setTimeout(() => {
      if (worker !== this.worker) return;
      this.stop();
      this.handlers.onEvent({ type: 'progress', text: 'the current case did not finish in time, so the worker was stopped' });
      this.handlers.onEvent({ type: 'cancelled' });
    }, this.cancelGraceMs);
  }

  dispose(): void {
    this.stop();
  }

  /** Test hook: ends the worker and reports it the way a real crash is reported. */
  crashForTest(): void {
    if (this.worker) this.lose(this.worker, 'The benchmark worker stopped: it was ended by the test hook. The rows measured before it stopped are kept.');
  }

  private stop(): void {
    clearTimeout(this.cancelTimer);
    this.cancelTimer = undefined;
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
  }

  private lose(worker: BenchWorkerLike, message: string): void {
    if (worker !== this.worker) return;
    this.stop();
    this.handlers.onLost(message);
  }

  private receive(worker: BenchWorkerLike, event: BenchEvent): void {
    if (worker !== this.worker) return;
    if (ENDING_EVENTS.has(event.type)) this.stop();
    this.handlers.onEvent(event);
  }
}
