import { describe, expect, it } from 'vitest';
import type { TrainCommand, TrainEvent } from '../../../train/protocol';
import { TrainWorkerClient, type WorkerLike } from './trainWorkerClient';

class FakeWorker implements WorkerLike {
  sent: TrainCommand[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<TrainEvent>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  postMessage(message: TrainCommand): void {
    this.sent.push(message);
    if (message.type === 'diagnostics') {
      queueMicrotask(() =>
        this.emit({
          type: 'diagnostics',
          requestId: message.requestId,
          diagnostics: {
            backend: undefined,
            implementation: 'composed',
            memory: { numTensors: 3, numBytes: 12, numDataBuffers: 3 },
            step: 7,
            state: 'paused',
          },
        }),
      );
    }
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(event: TrainEvent): void {
    this.onmessage?.({ data: event } as MessageEvent<TrainEvent>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault: () => undefined } as ErrorEvent);
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const events: TrainEvent[] = [];
  const lost: string[] = [];
  const client = new TrainWorkerClient(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    { onEvent: (event) => events.push(event), onLost: (message) => lost.push(message) },
  );
  return { client, workers, events, lost };
}

describe('TrainWorkerClient', () => {
  it('sends commands and forwards events', () => {
    const { client, workers, events } = setup();
    client.send({ type: 'play' });
    workers[0].emit({ type: 'status', state: 'running' });
    expect(workers[0].sent).toEqual([{ type: 'play' }]);
    expect(events).toEqual([{ type: 'status', state: 'running' }]);
  });

  it('answers diagnostics requests by id', async () => {
    const { client } = setup();
    const diagnostics = await client.diagnostics();
    expect(diagnostics?.step).toBe(7);
  });

  it('reports a crash once, stops sending, and restarts on request', () => {
    const { client, workers, lost } = setup();
    workers[0].crash('device lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toContain('device lost');
    expect(workers[0].terminated).toBe(true);
    expect(client.send({ type: 'play' })).toBe(false);
    client.restart();
    expect(workers).toHaveLength(2);
    expect(client.send({ type: 'play' })).toBe(true);
    workers[0].crash('late echo');
    expect(lost).toHaveLength(1);
  });

  it('reports a factory failure instead of throwing', () => {
    const lost: string[] = [];
    const client = new TrainWorkerClient(
      () => {
        throw new Error('workers are disabled');
      },
      { onEvent: () => undefined, onLost: (message) => lost.push(message) },
    );
    expect(client.alive).toBe(false);
    expect(lost[0]).toMatch(/workers are disabled/);
  });

  it('diagnostics resolve null when no worker runs', async () => {
    const { client, workers } = setup();
    workers[0].crash('gone');
    expect(await client.diagnostics(10)).toBeNull();
  });
});
