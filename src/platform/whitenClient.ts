// Main-thread side of the whitening worker: numbered requests, in-order answers, and recovery
// when the worker dies (a new worker is started and the last good image is whitened again).
// The worker's lifecycle is the shared WorkerChannel's; this client keeps the job bookkeeping.
import type { BackendName } from './backend';
import type { ImageSource, WhitenRequest, WhitenResponse, WhitenSettings } from './whitenProtocol';
import { describeLoss, WorkerChannel, type WorkerLike, type WorkerLoss } from './workerChannel';

type Answer = Exclude<WhitenResponse, { type: 'ready' } | { type: 'fatal' } | { type: 'device-lost' }>;

export interface WhitenClientHandlers {
  onReady: (message: Extract<WhitenResponse, { type: 'ready' }>) => void;
  onFatal: (message: string) => void;
  onAnswer: (message: Answer) => void;
  /** The worker died; it has been restarted. `retryId` is the id of the re-sent request, if any. */
  onCrash: (message: string, retryId: number | null) => void;
}

function createWhitenWorker(): WorkerLike<WhitenRequest, WhitenResponse> {
  return new Worker(new URL('./whitenWorker.ts', import.meta.url), { type: 'module', name: 'whitening' }) as unknown as WorkerLike<
    WhitenRequest,
    WhitenResponse
  >;
}

export class WhitenClient {
  private readonly channel: WorkerChannel<WhitenRequest, WhitenResponse>;
  private nextId = 1;
  private lastApplied = 0;
  private lastGoodSource: ImageSource | null = null;
  private lastSettings: WhitenSettings | null = null;
  private readonly sources = new Map<number, ImageSource>();

  constructor(
    private readonly handlers: WhitenClientHandlers,
    private readonly forcedBackend?: BackendName,
  ) {
    this.channel = new WorkerChannel(createWhitenWorker, {
      onMessage: (message) => this.receive(message),
      onLost: (loss) => this.recover(loss),
    });
    this.channel.start();
    this.sendInit();
  }

  private sendInit(): void {
    this.channel.send({ type: 'init', backend: this.forcedBackend });
  }

  private receive(message: WhitenResponse): void {
    if (message.type === 'ready') return this.handlers.onReady(message);
    if (message.type === 'fatal') return this.handlers.onFatal(message.message);
    if (message.type === 'device-lost') {
      // The last good result stays on screen; a new worker (WebGPU again if it can, else a fallback) takes over.
      return this.restartWorker(`${message.message} Whitening restarted on a new worker.`);
    }
    if (message.type !== 'error') {
      // Answers arrive in request order; anything older than what is shown is stale.
      if (message.id < this.lastApplied) return;
      this.lastApplied = message.id;
      const source = this.sources.get(message.id);
      if (message.type === 'result' && source) this.lastGoodSource = source;
    }
    for (const id of this.sources.keys()) if (id <= message.id) this.sources.delete(id);
    this.handlers.onAnswer(message);
  }

  private recover(loss: WorkerLoss): void {
    // A worker that cannot even be created would fail again on every restart.
    if (loss.kind === 'start') return this.handlers.onFatal(describeLoss('whitening worker', loss));
    const reason = loss.kind === 'unreadable' ? 'a message could not be read' : loss.detail || 'unknown error';
    this.restartWorker(`The whitening worker stopped unexpectedly (${reason}) and was restarted.`);
  }

  private restartWorker(message: string): void {
    if (!this.channel.restart()) return;
    this.sendInit();
    const retryId = this.lastGoodSource && this.lastSettings ? this.whiten(this.lastSettings, this.lastGoodSource) : null;
    this.handlers.onCrash(message, retryId);
  }

  /** Whitens `source` (or the worker's current image) with `settings`; returns the request id. */
  whiten(settings: WhitenSettings, source?: ImageSource): number {
    const id = this.nextId++;
    this.lastSettings = settings;
    if (source) this.sources.set(id, source);
    this.channel.send({ type: 'whiten', id, settings, source });
    return id;
  }

  /** Sends one webcam frame (ownership of the bitmap moves to the worker). */
  frame(frame: ImageBitmap, settings: WhitenSettings, refreshStats: boolean): number {
    const id = this.nextId++;
    this.channel.send({ type: 'frame', id, frame, settings, refreshStats }, [frame]);
    return id;
  }

  /** Test hook: the worker destroys its WebGPU device. */
  loseDeviceForTest(): void {
    this.channel.send({ type: 'lose-device' });
  }

  /** Test hook: kills the worker from the inside. */
  crashForTest(): void {
    this.channel.send({ type: 'crash' });
  }

  dispose(): void {
    this.channel.terminate();
  }
}
