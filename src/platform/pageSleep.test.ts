import { describe, expect, it } from 'vitest';
import { LATE_TICK_MS, TICK_MS, watchSleep, type SleepClock, type SleepTarget } from './pageSleep';

function fakePage() {
  const listeners = new Map<string, Set<() => void>>();
  let time = 0;
  let tick: (() => void) | null = null;
  const target: SleepTarget & { visibilityState: string } = {
    visibilityState: 'visible',
    addEventListener: (type, listener) => listeners.set(type, (listeners.get(type) ?? new Set()).add(listener)),
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
  };
  const clock: SleepClock = {
    now: () => time,
    every: (_ms, fn) => {
      tick = fn;
      return () => (tick = null);
    },
  };
  return {
    target,
    clock,
    fire: (type: string) => listeners.get(type)?.forEach((listener) => listener()),
    /** Advances the clock by `ms`, then runs the interval's tick once (a late tick when ms > TICK_MS). */
    tickAfter: (ms: number) => {
      time += ms;
      tick?.();
    },
    pass: (ms: number) => (time += ms),
    ticking: () => tick !== null,
  };
}

describe('watchSleep', () => {
  it('reports a freeze once, with its length, when the page resumes (the late tick after it is the same pause)', () => {
    const page = fakePage();
    const wakes: number[] = [];
    watchSleep(page.target, (ms) => wakes.push(ms), page.clock);
    page.tickAfter(TICK_MS);
    page.target.visibilityState = 'hidden';
    page.fire('visibilitychange');
    page.fire('freeze');
    page.pass(12_000);
    page.fire('resume');
    page.tickAfter(10);
    expect(wakes).toEqual([12_000]);
  });

  it('reports a machine sleep (a tick far too late while the page shows), not ordinary jitter', () => {
    const page = fakePage();
    const wakes: number[] = [];
    watchSleep(page.target, (ms) => wakes.push(ms), page.clock);
    page.tickAfter(TICK_MS + LATE_TICK_MS - 1);
    expect(wakes).toEqual([]);
    page.tickAfter(TICK_MS + 60_000);
    expect(wakes).toEqual([60_000]);
  });

  it('ignores late ticks of a hidden page (throttled timers) and of the moment it shows again', () => {
    const page = fakePage();
    const wakes: number[] = [];
    watchSleep(page.target, (ms) => wakes.push(ms), page.clock);
    page.target.visibilityState = 'hidden';
    page.fire('visibilitychange');
    page.tickAfter(60_000);
    page.pass(30_000);
    page.target.visibilityState = 'visible';
    page.fire('visibilitychange');
    page.tickAfter(TICK_MS);
    expect(wakes).toEqual([]);
  });

  it('a resume without a freeze reports nothing; stopping removes the listeners and the timer', () => {
    const page = fakePage();
    const wakes: number[] = [];
    const stop = watchSleep(page.target, (ms) => wakes.push(ms), page.clock);
    page.fire('resume');
    stop();
    expect(page.ticking()).toBe(false);
    page.fire('freeze');
    page.pass(9000);
    page.fire('resume');
    expect(wakes).toEqual([]);
  });
});
