// Main-thread side of the whitening worker: numbered requests, in-order answers, and recovery
// when the worker dies (a new worker is started and the last good image is whitened again).
import type { BackendName } from './backend';
import type { ImageSource, WhitenRequest, WhitenResponse, WhitenSettings } from './whitenProtocol';

type Answer = Exclude<WhitenResponse, { type: 'ready' } | { type: 'fatal' } | { type: 'device-lost' }>;

export interface WhitenClientHandlers {
  onReady: (message: Extract<WhitenResponse, { type: 'ready' }>) => void;
  onFatal: (message: string) => void;
  onAnswer: (message: Answer) => void;
  /** The worker died; it has been restarted. `retryId` is the id of the re-sent request, if any. */
  onCrash: (message: string, retryId: number | null) => void;
}

export class WhitenClient {
  private worker: Worker;
  private nextId = 1;
  private lastApplied = 0;
  private lastGoodSource: ImageSource | null = null;
  private lastSettings: WhitenSettings | null = null;
  private readonly sources = new Map<number, ImageSource>();

  constructor(
    private readonly handlers: WhitenClientHandlers,
    private readonly forcedBackend?: BackendName,
  ) {
    this.worker = this.start();
  }

  private start(): Worker {
    const worker = new Worker(new URL('./whitenWorker.ts', import.meta.url), { type: 'module', name: 'whitening' });
    worker.onmessage = (event: MessageEvent<WhitenResponse>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.recover(event.message || 'unknown error');
    };
    worker.onmessageerror = () => this.recover('a message could not be read');
    this.send({ type: 'init', backend: this.forcedBackend }, [], worker);
    return worker;
  }

  private send(message: WhitenRequest, transfer: Transferable[] = [], worker = this.worker): void {
    worker.postMessage(message, transfer);
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

  private recover(reason: string): void {
    this.restartWorker(`The whitening worker stopped unexpectedly (${reason}) and was restarted.`);
  }

  private restartWorker(message: string): void {
    const old = this.worker;
    old.onmessage = null;
    old.onerror = null;
    old.terminate();
    this.worker = this.start();
    const retryId = this.lastGoodSource && this.lastSettings ? this.whiten(this.lastSettings, this.lastGoodSource) : null;
    this.handlers.onCrash(message, retryId);
  }

  /** Whitens `source` (or the worker's current image) with `settings`; returns the request id. */
  whiten(settings: WhitenSettings, source?: ImageSource): number {
    const id = this.nextId++;
    this.lastSettings = settings;
    if (source) this.sources.set(id, source);
    this.send({ type: 'whiten', id, settings, source });
    return id;
  }

  /** Sends one webcam frame (ownership of the bitmap moves to the worker). */
  frame(frame: ImageBitmap, settings: WhitenSettings, refreshStats: boolean): number {
    const id = this.nextId++;
    this.send({ type: 'frame', id, frame, settings, refreshStats }, [frame]);
    return id;
  }

  /** Test hook: the worker destroys its WebGPU device. */
  loseDeviceForTest(): void {
    this.send({ type: 'lose-device' });
  }

  /** Test hook: kills the worker from the inside. */
  crashForTest(): void {
    this.send({ type: 'crash' });
  }

  dispose(): void {
    this.worker.terminate();
  }
}
