// Ctrl+C / SIGTERM for long commands: the first signal asks the work to stop at its next safe point
// (after the current training step) so it can save what it has; a later one ends the process at once.
// One keypress can arrive several times (the terminal signals the whole process group and `npm run`
// forwards it to its child again), and JavaScript handlers only run between synchronous chunks of
// work, so signals handled within DUPLICATE_MS of the first count as the same request.
// `npm run` starts us through `sh -c`, and a SIGTERM sent to npm alone (`timeout 60 npm run cli ...`)
// is forwarded to that shell, which dies without passing it on (dash): when our parent process changes,
// we take it as that SIGTERM.

export type StopReason = 'SIGINT' | 'SIGTERM';

const EXIT_CODES: Record<StopReason, number> = { SIGINT: 130, SIGTERM: 143 };

/** Signals handled this soon after the first are copies of it. */
export const DUPLICATE_MS = 500;

/** How often the parent process id is checked. */
const PARENT_POLL_MS = 250;

export class StopSignal {
  private reason: StopReason | undefined;
  private firstAt = 0;
  private listening = false;
  private parentPoll: ReturnType<typeof setInterval> | undefined;
  private readonly handler = (signal: NodeJS.Signals): void => {
    if (!this.reason) {
      this.reason = signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
      this.firstAt = this.now();
      this.onStop?.(this.reason);
      return;
    }
    if (this.now() - this.firstAt < DUPLICATE_MS) return;
    this.release();
    this.exit(this.exitCode);
  };

  constructor(
    private readonly onStop?: (reason: StopReason) => void,
    private readonly exit: (code: number) => void = (code) => process.exit(code),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts catching SIGINT and SIGTERM. */
  listen(): this {
    if (!this.listening) {
      process.on('SIGINT', this.handler);
      process.on('SIGTERM', this.handler);
      const parent = process.ppid;
      this.parentPoll = setInterval(() => {
        if (process.ppid === parent) return;
        clearInterval(this.parentPoll);
        this.handler('SIGTERM');
      }, PARENT_POLL_MS);
      this.parentPoll.unref();
      this.listening = true;
    }
    return this;
  }

  /** Stops catching: the next signal gets Node's default handling (the process ends). */
  release(): void {
    if (!this.listening) return;
    process.off('SIGINT', this.handler);
    process.off('SIGTERM', this.handler);
    clearInterval(this.parentPoll);
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
