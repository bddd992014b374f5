// Typed channel to the training worker: sends TrainCommands, receives TrainEvents, notices a
// crashed worker (the page keeps its history) and can start a fresh one. The worker's lifecycle
// is the shared WorkerChannel's; this client adds the diagnostics requests and their ids.
import {
  describeLoss,
  WorkerChannel,
  type WorkerFactory as ChannelFactory,
  type WorkerLike as ChannelWorker,
} from '../../../platform/workerChannel';
import type { TrainCommand, TrainEvent, WorkerDiagnostics } from '../../../train/protocol';

/** The part of a Worker the client uses (a fake implements it in tests and development). */
export type WorkerLike = ChannelWorker<TrainCommand, TrainEvent>;

export type WorkerFactory = ChannelFactory<TrainCommand, TrainEvent>;

export interface ClientHandlers {
  onEvent(event: TrainEvent): void;
  /** The worker died (uncaught error, failed to load); the client does not restart on its own. */
  onLost(message: string): void;
}

export function createModuleWorker(): WorkerLike {
  return new Worker(new URL('../../../train/worker.ts', import.meta.url), {
    type: 'module',
    name: 'deconv-lab-trainer',
  }) as unknown as WorkerLike;
}

export class TrainWorkerClient {
  private nextRequestId = 1;
  private readonly pending = new Map<number, (diagnostics: WorkerDiagnostics) => void>();
  private readonly channel: WorkerChannel<TrainCommand, TrainEvent>;

  constructor(
    factory: WorkerFactory,
    private readonly handlers: ClientHandlers,
  ) {
    this.channel = new WorkerChannel(factory, {
      onMessage: (event) => this.receive(event),
      onLost: (loss) => this.handlers.onLost(describeLoss('training worker', loss)),
    });
    this.channel.start();
  }

  get alive(): boolean {
    return this.channel.alive;
  }

  /** Messages received from the current worker so far. */
  get heard(): number {
    return this.channel.heard;
  }

  send(command: TrainCommand, transfer: Transferable[] = []): boolean {
    return this.channel.send(command, transfer);
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
    this.channel.restart();
  }

  dispose(): void {
    try {
      this.channel.send({ type: 'dispose' });
    } catch {
      // A dead worker cannot take messages; terminating it is enough.
    }
    this.channel.terminate();
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
