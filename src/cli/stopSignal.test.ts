import { afterEach, describe, expect, it } from 'vitest';
import { DUPLICATE_MS, StopSignal } from './stopSignal';

describe('StopSignal', () => {
  const created: StopSignal[] = [];
  afterEach(() => created.splice(0).forEach((s) => s.release()));

  function make(clock: { t: number }) {
    const seen: string[] = [];
    const exits: number[] = [];
    const stop = new StopSignal(
      (reason) => seen.push(reason),
      (code) => exits.push(code),
      () => clock.t,
    ).listen();
    created.push(stop);
    return { stop, seen, exits };
  }

  it('the first SIGINT asks to stop (130); copies of it within DUPLICATE_MS are ignored; a later one exits', () => {
    const clock = { t: 1000 };
    const { stop, seen, exits } = make(clock);
    process.emit('SIGINT', 'SIGINT');
    expect([stop.requested, stop.exitCode, seen]).toEqual(['SIGINT', 130, ['SIGINT']]);
    clock.t += DUPLICATE_MS - 1;
    process.emit('SIGINT', 'SIGINT'); // the same keypress, relayed by npm
    expect(exits).toEqual([]);
    clock.t += 2;
    process.emit('SIGINT', 'SIGINT'); // pressed again
    expect(exits).toEqual([130]);
    expect(seen).toEqual(['SIGINT']);
  });

  it('SIGTERM gives 143; release() leaves no listener behind', () => {
    const beforeInt = process.listenerCount('SIGINT');
    const beforeTerm = process.listenerCount('SIGTERM');
    const { stop } = make({ t: 0 });
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([beforeInt + 1, beforeTerm + 1]);
    process.emit('SIGTERM', 'SIGTERM');
    expect([stop.requested, stop.exitCode]).toEqual(['SIGTERM', 143]);
    stop.release();
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([beforeInt, beforeTerm]);
    const idle = new StopSignal().listen();
    idle.release();
    expect([idle.requested, idle.exitCode]).toEqual([undefined, 0]);
  });
});
