// Typed channel to the benchmark worker. Each run gets a fresh worker (a clean GPU device and no
// memory left from the last run), ended when the run ends. A crashed worker becomes a message;
// a cancel the worker does not answer in time (a long case on a slow device) ends it outright.
// The worker's lifecycle is the shared WorkerChannel's; this client adds runs and the cancel grace.
import type { BenchCommand, BenchEvent, BenchSuiteOptions } from '../../bench/types';
import { describeLoss, WorkerChannel, type WorkerLike, type WorkerLoss } from '../../platform/workerChannel';

/** The part of a Worker the client uses (a fake implements it in tests). */
export type BenchWorkerLike = WorkerLike<BenchCommand, BenchEvent>;

export type BenchWorkerFactory = () => BenchWorkerLike;

export interface BenchClientHandlers {
  onEvent(event: BenchEvent): void;
  /** The worker died or could not start; the rows already received stay with the caller. */
  onLost(message: string): void;
}

export function createBenchWorker(): BenchWorkerLike {
  return new Worker(new URL('../../bench/benchWorker.ts', import.meta.url), {
    type: 'module',
    name: 'deconv-lab-bench',
  }) as unknown as BenchWorkerLike;
}

const ENDING_EVENTS: ReadonlySet<BenchEvent['type']> = new Set(['done', 'cancelled', 'error']);
const ROWS_KEPT = 'The rows measured before it stopped are kept.';

function lossMessage(loss: WorkerLoss): string {
  const sentence = describeLoss('benchmark worker', loss);
  return loss.kind === 'crash' ? `${sentence} ${ROWS_KEPT}` : sentence;
}

export class BenchClient {
  private readonly channel: WorkerChannel<BenchCommand, BenchEvent>;
  private cancelTimer: ReturnType<typeof setTimeout> | undefined;

  /** `cancelGraceMs`: how long a cancel may wait for the current case before the worker is ended. */
  constructor(
    factory: BenchWorkerFactory,
    private readonly handlers: BenchClientHandlers,
    private readonly cancelGraceMs = 10_000,
  ) {
    this.channel = new WorkerChannel(factory, {
      onMessage: (event) => this.receive(event),
      onLost: (loss) => this.lose(lossMessage(loss)),
    });
  }

  get running(): boolean {
    return this.channel.alive;
  }

  /** Starts a run in a new worker (ending any previous one). False when the worker could not start. */
  run(options: BenchSuiteOptions): boolean {
    this.clearCancelTimer();
    if (!this.channel.restart()) return false;
    return this.channel.send({ type: 'run', options });
  }

  /** Asks the worker to stop after the current case; ends it if it does not answer in time. */
  cancel(): void {
    if (!this.channel.alive || this.cancelTimer !== undefined) return;
    this.channel.send({ type: 'cancel' });
    this.cancelTimer = setTimeout(() => {
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
    if (!this.channel.alive) return;
    this.stop();
    this.lose(`The benchmark worker stopped: it was ended by the test hook. ${ROWS_KEPT}`);
  }

  private clearCancelTimer(): void {
    clearTimeout(this.cancelTimer);
    this.cancelTimer = undefined;
  }

  private stop(): void {
    this.clearCancelTimer();
    this.channel.terminate();
  }

  private lose(message: string): void {
    this.clearCancelTimer();
    this.handlers.onLost(message);
  }

  private receive(event: BenchEvent): void {
    if (ENDING_EVENTS.has(event.type)) this.stop();
    this.handlers.onEvent(event);
  }
}
