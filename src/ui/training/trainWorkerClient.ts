// Typed channel to the training worker: sends TrainCommands, receives TrainEvents, notices a
// crashed worker (the page keeps its history) and can start a fresh one.
import type { TrainCommand, TrainEvent, WorkerDiagnostics } from '../../train/protocol';

/** The part of a Worker the client uses (a fake implements it in tests and development). */
export interface WorkerLike {
  postMessage(message: TrainCommand, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<TrainEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory = () => WorkerLike;

export interface ClientHandlers {
  onEvent(event: TrainEvent): void;
  /** The worker died (uncaught error, failed to load); the client does not restart on its own. */
  onLost(message: string): void;
}

export function createModuleWorker(): WorkerLike {
  return new Worker(new URL('../../train/worker.ts', import.meta.url), { type: 'module', name: 'deconv-lab-trainer' }) as unknown as WorkerLike;
}

export class TrainWorkerClient {
  private worker: WorkerLike | null = null;
  private nextRequestId = 1;
  private readonly pending = new Map<number, (diagnostics: WorkerDiagnostics) => void>();
  private readonly factory: WorkerFactory;
  private readonly handlers: ClientHandlers;

  constructor(factory: WorkerFactory, handlers: ClientHandlers) {
    this.factory = factory;
    this.handlers = handlers;
    this.start();
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  send(command: TrainCommand, transfer: Transferable[] = []): boolean {
    if (!this.worker) return false;
    this.worker.postMessage(command, transfer);
    return true;
  }

  /** Asks the worker for its diagnostics; resolves null after `timeoutMs` without an answer. */
  diagnostics(timeoutMs = 3000): Promise<WorkerDiagnostics | null> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        resolve(null);
      }, timeoutMs);
      this.pending.set(requestId, (diagnostics) => {
        clearTimeout(timer);
        resolve(diagnostics);
      });
      if (!this.send({ type: 'diagnostics', requestId })) {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(null);
      }
    });
  }

  /** Ends the current worker (if any) and starts a new one; the caller re-sends 'init'. */
  restart(): void {
    this.stop();
    this.start();
  }

  dispose(): void {
    if (this.worker) {
      try {
        this.worker.postMessage({ type: 'dispose' });
      } catch {
        // A dead worker cannot take messages; terminating it is enough.
      }
    }
    this.stop();
  }

  private start(): void {
    let worker: WorkerLike;
    try {
      worker = this.factory();
    } catch (error) {
      this.worker = null;
      this.handlers.onLost(`The training worker could not start: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    worker.onmessage = (event) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.lose(worker, `The training worker stopped: ${event.message || 'it failed to load or crashed'}.`);
    };
    worker.onmessageerror = () => this.lose(worker, 'The training worker sent a message that could not be read.');
    this.worker = worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
  }

  private lose(worker: WorkerLike, message: string): void {
    if (worker !== this.worker) return;
    this.stop();
    this.handlers.onLost(message);
  }

  private receive(event: TrainEvent): void {
    if (event.type === 'diagnostics') {
      const resolve = this.pending.get(event.requestId);
      this.pending.delete(event.requestId);
      resolve?.(event.diagnostics);
    }
    this.handlers.onEvent(event);
  }
}
