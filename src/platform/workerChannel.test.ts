import { describe, expect, it } from 'vitest';
import { describeLoss, WorkerChannel, type WorkerLike, type WorkerLoss } from './workerChannel';

type Command = { kind: 'ping'; n: number } | { kind: 'buffer'; data: ArrayBuffer };
type Reply = { kind: 'pong'; n: number };

/** Records what the channel posts and lets the test play the worker's side. */
class ScriptedWorker implements WorkerLike<Command, Reply> {
  readonly posted: { message: Command; transfer?: Transferable[] }[] = [];
  terminations = 0;
  onmessage: ((event: MessageEvent<Reply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  private readonly listeners: Pick<WorkerLike<Command, Reply>, 'onmessage' | 'onerror' | 'onmessageerror'>[] = [];

  postMessage(message: Command, transfer?: Transferable[]): void {
    this.posted.push({ message, transfer });
  }
  terminate(): void {
    this.terminations += 1;
  }
  /** Keeps the handlers as they are now, as a real worker's late events would still reach them. */
  holdHandlers(): void {
    this.listeners.push({ onmessage: this.onmessage, onerror: this.onerror, onmessageerror: this.onmessageerror });
  }
  reply(n: number): void {
    const event = { data: { kind: 'pong', n } } as MessageEvent<Reply>;
    this.onmessage?.(event);
    for (const held of this.listeners) held.onmessage?.(event);
  }
  fail(message: string): void {
    const event = { message, preventDefault: () => undefined } as ErrorEvent;
    this.onerror?.(event);
    for (const held of this.listeners) held.onerror?.(event);
  }
  garble(): void {
    this.onmessageerror?.({} as MessageEvent);
  }
}

function open(factory?: () => WorkerLike<Command, Reply>) {
  const workers: ScriptedWorker[] = [];
  const replies: number[] = [];
  const losses: WorkerLoss[] = [];
  const channel = new WorkerChannel<Command, Reply>(
    factory ??
      (() => {
        const worker = new ScriptedWorker();
        workers.push(worker);
        return worker;
      }),
    { onMessage: (reply) => replies.push(reply.n), onLost: (loss) => losses.push(loss) },
  );
  return { channel, workers, replies, losses };
}

describe('WorkerChannel', () => {
  it('creates its worker on first use, not before', () => {
    const { channel, workers, replies } = open();
    expect(workers).toHaveLength(0);
    expect(channel.alive).toBe(false);
    expect(channel.send({ kind: 'ping', n: 1 })).toBe(true);
    expect(workers).toHaveLength(1);
    expect(workers[0].posted.map((p) => p.message)).toEqual([{ kind: 'ping', n: 1 }]);
    workers[0].reply(1);
    expect(replies).toEqual([1]);
    channel.start();
    expect(workers).toHaveLength(1);
  });

  it('passes the transfer list through to the worker', () => {
    const { channel, workers } = open();
    const data = new ArrayBuffer(8);
    channel.send({ kind: 'buffer', data }, [data]);
    expect(workers[0].posted[0].transfer).toEqual([data]);
    expect(workers[0].posted[0].transfer?.[0]).toBe(data);
  });

  it('reports a crash once, terminates the worker and sends nothing more until a restart', () => {
    const { channel, workers, losses } = open();
    channel.start();
    workers[0].holdHandlers();
    workers[0].fail('out of memory');
    workers[0].fail('out of memory again');
    expect(losses).toEqual([{ kind: 'crash', detail: 'out of memory' }]);
    expect(workers[0].terminations).toBe(1);
    expect(channel.alive).toBe(false);
    expect(channel.send({ kind: 'ping', n: 2 })).toBe(false);
    expect(workers).toHaveLength(1);
    expect(workers[0].posted).toEqual([]);
  });

  it('an unreadable message is a loss too', () => {
    const { channel, workers, losses } = open();
    channel.start();
    workers[0].garble();
    expect(losses).toEqual([{ kind: 'unreadable', detail: '' }]);
    expect(describeLoss('test worker', losses[0])).toBe('The test worker sent a message that could not be read.');
  });

  it('restart gives a fresh worker and ends the old one, whose late events are ignored', () => {
    const { channel, workers, replies, losses } = open();
    channel.start();
    workers[0].holdHandlers();
    expect(channel.restart()).toBe(true);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminations).toBe(1);
    workers[0].reply(7);
    workers[0].fail('late crash of the old worker');
    expect(replies).toEqual([]);
    expect(losses).toEqual([]);
    channel.send({ kind: 'ping', n: 3 });
    expect(workers[1].posted.map((p) => p.message)).toEqual([{ kind: 'ping', n: 3 }]);
    workers[1].reply(3);
    expect(replies).toEqual([3]);
  });

  it('terminate is idempotent, and replies and commands after it are dropped', () => {
    const { channel, workers, replies } = open();
    channel.start();
    workers[0].holdHandlers();
    channel.terminate();
    channel.terminate();
    expect(workers[0].terminations).toBe(1);
    workers[0].reply(4);
    expect(replies).toEqual([]);
    expect(channel.send({ kind: 'ping', n: 5 })).toBe(false);
    expect(workers).toHaveLength(1);
  });

  it('a factory that throws becomes a start loss, not an exception', () => {
    const { channel, losses } = open(() => {
      throw new Error('workers are blocked');
    });
    expect(channel.start()).toBe(false);
    expect(losses).toEqual([{ kind: 'start', detail: 'workers are blocked' }]);
    expect(describeLoss('test worker', losses[0])).toBe('The test worker could not start: workers are blocked');
  });

  it('counts what the current worker sent (a liveness mark); a restarted worker starts again at 0, the old one is not counted', () => {
    const { channel, workers } = open();
    channel.start();
    expect(channel.heard).toBe(0);
    workers[0].reply(1);
    workers[0].reply(2);
    expect(channel.heard).toBe(2);
    workers[0].holdHandlers();
    channel.restart();
    workers[0].reply(3);
    expect(channel.heard).toBe(0);
    workers[1].reply(4);
    expect(channel.heard).toBe(1);
  });

  it('describes a crash with the browser words, or a plain sentence when there are none', () => {
    expect(describeLoss('test worker', { kind: 'crash', detail: 'device lost' })).toBe('The test worker stopped: device lost.');
    expect(describeLoss('test worker', { kind: 'crash', detail: '' })).toBe('The test worker stopped: it failed to load or crashed.');
  });
});
