import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BenchCommand, BenchEvent, BenchSuiteOptions } from '../../bench/types';
import { BenchClient, type BenchWorkerLike } from './benchClient';

class FakeWorker implements BenchWorkerLike {
  sent: BenchCommand[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<BenchEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: BenchCommand): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(event: BenchEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<BenchEvent>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

const options: BenchSuiteOptions = { backends: ['cpu'], full: false, maxReps: 3, budgetMsPerCase: 1000 };

function setup(factory?: () => BenchWorkerLike) {
  const workers: FakeWorker[] = [];
  const events: BenchEvent[] = [];
  const lost: string[] = [];
  const client = new BenchClient(
    factory ??
      (() => {
        const worker = new FakeWorker();
        workers.push(worker);
        return worker;
      }),
    { onEvent: (e) => events.push(e), onLost: (m) => lost.push(m) },
    500,
  );
  return { client, workers, events, lost };
}

afterEach(() => vi.useRealTimers());

describe('benchmark worker client', () => {
  it('sends the run to a fresh worker and ends it when the run is done', () => {
    const { client, workers, events } = setup();
    expect(client.run(options)).toBe(true);
    expect(workers[0].sent).toEqual([{ type: 'run', options }]);
    workers[0].emit({ type: 'progress', text: 'cpu' });
    expect(workers[0].terminated).toBe(false);
    workers[0].emit({ type: 'cancelled' });
    expect(workers[0].terminated).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['progress', 'cancelled']);
    client.run(options);
    expect(workers).toHaveLength(2);
  });

  it('turns a crash into a message and ignores the dead worker afterwards', () => {
    const { client, workers, events, lost } = setup();
    client.run(options);
    workers[0].crash('out of memory');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toContain('out of memory');
    expect(lost[0]).toContain('rows measured before it stopped are kept');
    expect(workers[0].terminated).toBe(true);
    workers[0].emit({ type: 'row', row: { group: 'g', label: 'l', backend: 'cpu', values: [], reps: 1 } });
    expect(events).toEqual([]);
    expect(client.running).toBe(false);
  });

  it('reports a worker that cannot be created', () => {
    const { client, lost } = setup(() => {
      throw new Error('blocked by policy');
    });
    expect(client.run(options)).toBe(false);
    expect(lost[0]).toContain('blocked by policy');
  });

  it('cancels through the worker, and ends it when the current case takes too long', () => {
    vi.useFakeTimers();
    const { client, workers, events } = setup();
    client.run(options);
    client.cancel();
    client.cancel();
    expect(workers[0].sent.filter((c) => c.type === 'cancel')).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(workers[0].terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0].terminated).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'cancelled' });
  });

  it('does not force a stop when the worker answers the cancel in time', () => {
    vi.useFakeTimers();
    const { client, workers, events } = setup();
    client.run(options);
    client.cancel();
    workers[0].emit({ type: 'cancelled' });
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([{ type: 'cancelled' }]);
  });
});
