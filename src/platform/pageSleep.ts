// Notices when the page was asleep: frozen by the browser ('freeze' then 'resume', workers frozen
// too) or stopped with the whole machine (a laptop lid: no event, the clock jumps). Steps timed
// across such a pause are not the machine's speed; the callback lets their owners discount it.

/** The parts of window/document the watcher uses (fakes in tests). */
export interface SleepTarget {
  addEventListener(type: 'freeze' | 'resume' | 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'freeze' | 'resume' | 'visibilitychange', listener: () => void): void;
  readonly visibilityState: string;
}

export interface SleepClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

/** How often the clock is read, and how late a tick must be to count as a sleep of the machine. */
export const TICK_MS = 1000;
export const LATE_TICK_MS = 5000;

const realClock: SleepClock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/**
 * Calls `onWake(pausedMs)` after each pause: a freeze (its length, from 'freeze' to 'resume') or
 * a tick at least LATE_TICK_MS late while the page shows (hidden pages' timers are throttled, so
 * a late tick there proves nothing). Returns a function that stops watching.
 */
export function watchSleep(target: SleepTarget, onWake: (pausedMs: number) => void, clock: SleepClock = realClock): () => void {
  let frozenAt: number | null = null;
  let lastTick = clock.now();
  const onFreeze = (): void => {
    frozenAt = clock.now();
  };
  const onResume = (): void => {
    const now = clock.now();
    lastTick = now; // the late tick that follows is this pause, not another one
    if (frozenAt === null) return;
    const paused = now - frozenAt;
    frozenAt = null;
    onWake(paused);
  };
  const onVisibility = (): void => {
    lastTick = clock.now();
  };
  const stopTicking = clock.every(TICK_MS, () => {
    const now = clock.now();
    const late = now - lastTick - TICK_MS;
    lastTick = now;
    if (frozenAt === null && late >= LATE_TICK_MS && target.visibilityState === 'visible') onWake(late);
  });
  target.addEventListener('freeze', onFreeze);
  target.addEventListener('resume', onResume);
  target.addEventListener('visibilitychange', onVisibility);
  return () => {
    stopTicking();
    target.removeEventListener('freeze', onFreeze);
    target.removeEventListener('resume', onResume);
    target.removeEventListener('visibilitychange', onVisibility);
  };
}
