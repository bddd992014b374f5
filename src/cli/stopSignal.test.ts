import { afterEach, describe, expect, it } from 'vitest';
import { StopSignal, yieldToEventLoop } from './stopSignal';

describe('StopSignal', () => {
  const created: StopSignal[] = [];
  afterEach(() => created.splice(0).forEach((s) => s.release()));

  it('records the first SIGINT, calls back, and lets the next one through (listeners removed)', async () => {
    const seen: string[] = [];
    const before = process.listenerCount('SIGINT');
    const stop = new StopSignal((reason) => seen.push(reason)).listen();
    created.push(stop);
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.emit('SIGINT', 'SIGINT');
    await yieldToEventLoop();
    expect(stop.requested).toBe('SIGINT');
    expect(stop.exitCode).toBe(130);
    expect(seen).toEqual(['SIGINT']);
    expect(process.listenerCount('SIGINT')).toBe(before);
  });

  it('SIGTERM gives 143; release() before any signal leaves nothing behind', () => {
    const beforeInt = process.listenerCount('SIGINT');
    const beforeTerm = process.listenerCount('SIGTERM');
    const stop = new StopSignal().listen();
    created.push(stop);
    process.emit('SIGTERM', 'SIGTERM');
    expect([stop.requested, stop.exitCode]).toEqual(['SIGTERM', 143]);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([beforeInt, beforeTerm]);
    const idle = new StopSignal().listen();
    idle.release();
    expect([idle.requested, idle.exitCode]).toEqual([undefined, 0]);
    expect(process.listenerCount('SIGINT')).toBe(beforeInt);
  });
});
