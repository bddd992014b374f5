// One typed channel to a web worker, shared by the training, whitening and benchmark clients:
// it creates the worker from a factory (on first use), posts typed commands, forwards typed
// events, turns a crash into one `onLost` call and can start a fresh worker on request.

/** The part of a Worker a channel uses; test fakes and deferred loaders implement it. */
export interface WorkerLike<Command, Event> {
  postMessage(message: Command, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Event>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

export type WorkerFactory<Command, Event> = () => WorkerLike<Command, Event>;

/**
 * Why a worker was lost: it could not be created (`start`), it threw or failed to load
 * (`crash`), or it sent something that could not be deserialised (`unreadable`).
 * `detail` is the browser's or factory's own words, empty when it gave none.
 */
export interface WorkerLoss {
  kind: 'start' | 'crash' | 'unreadable';
  detail: string;
}

export interface WorkerChannelHandlers<Event> {
  onMessage(event: Event): void;
  /** Called once per lost worker; the channel does not restart on its own. */
  onLost(loss: WorkerLoss): void;
}

/** The usual sentence for a lost worker, e.g. "The training worker stopped: out of memory." */
export function describeLoss(workerName: string, loss: WorkerLoss): string {
  const name = `The ${workerName}`;
  if (loss.kind === 'start') return `${name} could not start: ${loss.detail}`;
  if (loss.kind === 'unreadable') return `${name} sent a message that could not be read.`;
  return `${name} stopped: ${loss.detail || 'it failed to load or crashed'}.`;
}

export class WorkerChannel<Command, Event> {
  private worker: WorkerLike<Command, Event> | null = null;
  /** False until the first start: only then does `send` start the worker by itself. */
  private started = false;
  private received = 0;

  constructor(
    private readonly factory: WorkerFactory<Command, Event>,
    private readonly handlers: WorkerChannelHandlers<Event>,
  ) {}

  get alive(): boolean {
    return this.worker !== null;
  }

  /**
   * Messages received from the current worker so far (a fresh one starts at 0): a count that has
   * not moved over a while means a silent worker, e.g. one that did not come back after a sleep.
   */
  get heard(): number {
    return this.received;
  }

  /** Creates the worker if none was ever started; a lost or terminated one needs `restart()`. */
  start(): boolean {
    if (!this.started) this.open();
    return this.alive;
  }

  /** Posts a command; false (and nothing sent) when the worker is lost or terminated. */
  send(command: Command, transfer: Transferable[] = []): boolean {
    if (!this.start()) return false;
    this.worker?.postMessage(command, transfer);
    return true;
  }

  /** Ends the current worker, if any, and creates a fresh one. */
  restart(): boolean {
    this.terminate();
    this.open();
    return this.alive;
  }

  /** Ends the worker; anything it still sends is dropped. Safe to call more than once. */
  terminate(): void {
    const worker = this.worker;
    this.worker = null;
    if (!worker) return;
    worker.onmessage = null;
    worker.onerror = null;
    worker.onmessageerror = null;
    worker.terminate();
  }

  private open(): void {
    this.started = true;
    this.received = 0;
    let worker: WorkerLike<Command, Event>;
    try {
      worker = this.factory();
    } catch (error) {
      this.handlers.onLost({ kind: 'start', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    worker.onmessage = (event) => {
      if (worker !== this.worker) return;
      this.received += 1;
      this.handlers.onMessage(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.lose(worker, { kind: 'crash', detail: event.message ?? '' });
    };
    worker.onmessageerror = () => this.lose(worker, { kind: 'unreadable', detail: '' });
    this.worker = worker;
  }

  private lose(worker: WorkerLike<Command, Event>, loss: WorkerLoss): void {
    if (worker !== this.worker) return;
    this.terminate();
    this.handlers.onLost(loss);
  }
}
