// Calibration figures are measured once per device and kept (IndexedDB in the browser: workers
// have no localStorage). This file is the cache logic over any store; calibrationStore.ts has the
// IndexedDB store. Workers that start together share one measurement through a Web Lock.
import type { Calibration, CalibrationFigure } from './backendChoice';

export interface CalibrationRecord {
  figures: CalibrationFigure[];
  /** Date.now() when measured. */
  measuredAt: number;
}

export interface CalibrationStore {
  get(key: string): Promise<CalibrationRecord | undefined>;
  put(key: string, record: CalibrationRecord): Promise<void>;
}

/** Figures older than this are measured again (a driver or OS update keeps the same user agent). */
export const CALIBRATION_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface CacheOptions {
  now?: () => number;
  maxAgeMs?: number;
  /** Runs `fn` exclusively across this origin's workers (navigator.locks); defaults to running it directly. */
  exclusive?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export function memoryCalibrationStore(): CalibrationStore {
  const records = new Map<string, CalibrationRecord>();
  return {
    get: async (key) => records.get(key),
    put: async (key, record) => {
      records.set(key, record);
    },
  };
}

function isUsable(record: CalibrationRecord | undefined, now: number, maxAgeMs: number): record is CalibrationRecord {
  if (!record || !Array.isArray(record.figures) || record.figures.length === 0) return false;
  const age = now - record.measuredAt;
  return Number.isFinite(age) && age >= 0 && age <= maxAgeMs;
}

/** Store failures (private mode, quota) only cost a new measurement, never the backend choice. */
async function safeGet(store: CalibrationStore, key: string): Promise<CalibrationRecord | undefined> {
  try {
    return await store.get(key);
  } catch {
    return undefined;
  }
}

/**
 * The figures for `key`: from the store when it has a fresh record (cached: true), else measured
 * by `measure` and stored. With `exclusive`, a second worker waits for the first and reads its record.
 */
export async function cachedCalibration(
  key: string,
  store: CalibrationStore,
  measure: () => Promise<CalibrationFigure[]>,
  options: CacheOptions = {},
): Promise<Calibration> {
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? CALIBRATION_MAX_AGE_MS;
  const exclusive = options.exclusive ?? ((fn) => fn());
  return exclusive(async () => {
    const record = await safeGet(store, key);
    if (isUsable(record, now(), maxAgeMs)) return { figures: record.figures, cached: true };
    const figures = await measure();
    // Kept when something ran: with nothing timed, the next start tries again.
    if (figures.some((f) => 'ms' in f)) {
      try {
        await store.put(key, { figures, measuredAt: now() });
      } catch {
        // Not kept: the next start measures again.
      }
    }
    return { figures, cached: false };
  });
}

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/** `navigator.locks` when this context has it (workers and pages on secure origins), else none. */
export function webLockExclusive(name: string): CacheOptions['exclusive'] {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  if (!locks || typeof locks.request !== 'function') return undefined;
  return (fn) => locks.request(name, fn);
}
