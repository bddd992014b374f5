// A stand-in trainer speaking the worker protocol with synthetic numbers, for developing the
// dashboard and for layout tests without the real worker: `?fake-trainer` in the page's search
// string (before the #). Loaded on demand (see deferredWorker.ts), so it is not in the main bundle.
// It never claims to be real: its backend reason says "synthetic".
import type { NormKind, TrainCommand, TrainConfig, TrainEvent, VariantSnapshot } from '../../../../train/protocol';
import type { WorkerLike } from '../trainWorkerClient';

function lcg(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

function histogram(random: () => number, spread: number) {
  const counts = Array.from({ length: 40 }, (_, i) => Math.round(1000 * Math.exp(-Math.abs(i - 20) / spread) * (0.8 + 0.4 * random())));
  return { min: -2, binWidth: 0.1, counts, kurtosis: 3 + 12 / spread, nearZeroFraction: 0.6 / spread, mean: 0, std: 0.5 };
}

export class FakeTrainWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<TrainEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private config: TrainConfig | null = null;
  private step = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private hz = 4;

  postMessage(command: TrainCommand): void {
    switch (command.type) {
      case 'init':
      case 'reset':
        this.stopTimer();
        this.config = command.config;
        this.step = 0;
        this.emit({ type: 'backend', info: { name: 'cpu', reason: 'synthetic trainer (development only)' }, implementation: 'composed' });
        this.emit({ type: 'status', state: 'ready' });
        break;
      case 'play':
        if (!this.timer) this.timer = setInterval(() => this.advance(5), 1000 / this.hz);
        this.emit({ type: 'status', state: 'running' });
        break;
      case 'pause':
        this.stopTimer();
        this.emit({ type: 'status', state: 'paused' });
        break;
      case 'step':
        this.advance(1);
        break;
      case 'update-rate':
        this.hz = command.hz;
        break;
      case 'diagnostics':
        this.emit({
          type: 'diagnostics',
          requestId: command.requestId,
          diagnostics: {
            backend: undefined,
            implementation: 'composed',
            memory: { numTensors: 0, numBytes: 0, numDataBuffers: 0 },
            step: this.step,
            state: this.timer ? 'running' : 'paused',
          },
        });
        break;
      case 'dispose':
      case 'cifar-files':
        this.stopTimer();
        break;
    }
  }

  terminate(): void {
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private emit(event: TrainEvent): void {
    queueMicrotask(() => this.onmessage?.({ data: event } as MessageEvent<TrainEvent>));
  }

  private advance(steps: number): void {
    if (!this.config) return;
    const norms = this.config.norms;
    const first = this.step + 1;
    this.step += steps;
    const variants: VariantSnapshot[] = norms.map((norm: NormKind, index) => {
      const random = lcg(this.config!.seed * 31 + index * 7 + this.step);
      const rate = norm === 'deconv' ? 0.02 : norm === 'batchnorm' ? 0.01 : 0.005;
      const losses = [];
      for (let step = first; step <= this.step; step++) losses.push({ step, loss: 0.3 + 2 * Math.exp(-rate * step) + 0.1 * random() });
      const test = this.step % 50 < steps ? [{ step: this.step, accuracy: 1 - 0.9 * Math.exp(-rate * this.step) }] : [];
      const weights = Array.from({ length: 16 * 9 }, () => random() - 0.5);
      const deconv = Array.from({ length: 9 }, (_, i) => (i === 4 ? 8 : -1) + 0.2 * random());
      return {
        norm,
        params: 12000,
        losses,
        test,
        msPerStep: norm === 'deconv' ? 14 : 11,
        diverged: false,
        kernels: {
          shape: [16, 3, 3, 1],
          weights,
          ...(norm === 'deconv'
            ? { deconv, deconvShape: [1, 3, 3, 1] as [number, number, number, number], effective: weights.map((w) => w * 2) }
            : {}),
        },
        activations: ['conv1', 'conv2', 'dense1'].map((layer, l) => ({
          layer,
          pre: histogram(random, norm === 'deconv' ? 2 + l : 5 + l),
          post: histogram(random, norm === 'deconv' ? 1.5 + l : 4 + l),
        })),
      };
    });
    this.emit({ type: 'snapshot', snapshot: { step: this.step, stepsPerEpoch: 200, totalSteps: 200 * this.config.epochs, variants } });
  }
}
