// Ctrl+C / SIGTERM for long commands: the first signal asks the work to stop at its next safe point
// (after the current training step) so it can save what it has; it also removes the listeners, so a
// second signal gets Node's default handling and ends the process at once.

export type StopReason = 'SIGINT' | 'SIGTERM';

const EXIT_CODES: Record<StopReason, number> = { SIGINT: 130, SIGTERM: 143 };

export class StopSignal {
  private reason: StopReason | undefined;
  private listening = false;
  private readonly handler = (signal: NodeJS.Signals): void => {
    this.reason = signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    this.release();
    this.onStop?.(this.reason);
  };

  constructor(private readonly onStop?: (reason: StopReason) => void) {}

  /** Starts catching SIGINT and SIGTERM. */
  listen(): this {
    if (!this.listening && !this.reason) {
      process.on('SIGINT', this.handler);
      process.on('SIGTERM', this.handler);
      this.listening = true;
    }
    return this;
  }

  /** Stops catching: the next signal ends the process (Node's default). */
  release(): void {
    if (!this.listening) return;
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
    this.listening = false;
  }

  get requested(): StopReason | undefined {
    return this.reason;
  }

  /** The conventional exit status for the signal (128 + its number), or 0 when none came. */
  get exitCode(): number {
    return this.reason ? EXIT_CODES[this.reason] : 0;
  }
}

/** Lets pending signal handlers and I/O run between synchronous chunks of work (a macrotask turn). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
