// Slider changes for a worker that computes one job at a time: a change goes out at once when the
// worker is idle; while a job runs, only the newest change waits and goes out when that job's answer
// arrives. Dragging a slider so shows intermediate results, never builds a queue of stale work.

/** Sends a value; returns the request id, or null when nothing could be sent (e.g. no image yet). */
export type SendLatest<T> = (value: T) => number | null;

export class LatestOnlySender<T> {
  /** Newest request id the worker has not answered yet (null when idle). */
  private running: number | null = null;
  private waiting: { value: T } | null = null;

  constructor(private readonly send: SendLatest<T>) {}

  /** Sends `value` now if the worker is idle, else keeps it as the one waiting change. Returns the id sent, if any. */
  submit(value: T): number | null {
    if (this.running !== null) {
      this.waiting = { value };
      return null;
    }
    return this.dispatch(value);
  }

  /** A request sent another way (an image load, a retry after a crash) also keeps the worker busy. */
  noteSent(id: number): void {
    this.running = Math.max(this.running ?? 0, id);
  }

  /** An answer (result or error) to request `id` arrived; a waiting change goes out once the newest request is answered. */
  answered(id: number): number | null {
    if (this.running === null || id < this.running) return null;
    this.running = null;
    const waiting = this.waiting;
    this.waiting = null;
    return waiting ? this.dispatch(waiting.value) : null;
  }

  /**
   * The worker was replaced and got request `retryId` (the last good image again), or nothing: then a
   * waiting change is dropped too (the new worker has no image to apply it to).
   */
  restarted(retryId: number | null): void {
    this.running = retryId;
    if (retryId === null) this.waiting = null;
  }

  /** True while a change waits for the running job to end. */
  get hasWaiting(): boolean {
    return this.waiting !== null;
  }

  /** True while a request is out. */
  get busy(): boolean {
    return this.running !== null;
  }

  private dispatch(value: T): number | null {
    const id = this.send(value);
    if (id !== null) this.running = id;
    return id;
  }
}
