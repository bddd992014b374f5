import { describe, expect, it, vi } from 'vitest';
import type { CalibrationFigure } from './backendChoice';
import { CALIBRATION_MAX_AGE_MS, cachedCalibration, memoryCalibrationStore, type CalibrationStore } from './calibrationCache';

const FIGURES: CalibrationFigure[] = [
  { backend: 'wasm', ms: 40 },
  { backend: 'webgpu', ms: 900 },
];

describe('cachedCalibration', () => {
  it('measures on a miss, stores, and answers the next call from the store', async () => {
    const store = memoryCalibrationStore();
    const measure = vi.fn(async () => FIGURES);
    const first = await cachedCalibration('device-a', store, measure, { now: () => 1000 });
    expect(first).toEqual({ figures: FIGURES, cached: false });
    const second = await cachedCalibration('device-a', store, measure, { now: () => 2000 });
    expect(second).toEqual({ figures: FIGURES, cached: true });
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('keys by device: another key measures again', async () => {
    const store = memoryCalibrationStore();
    const measure = vi.fn(async () => FIGURES);
    await cachedCalibration('device-a', store, measure);
    await cachedCalibration('device-b', store, measure);
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it('measures again when the record is older than the maximum age', async () => {
    const store = memoryCalibrationStore();
    await store.put('device-a', { figures: FIGURES, measuredAt: 0 });
    const measure = vi.fn(async () => FIGURES);
    const result = await cachedCalibration('device-a', store, measure, { now: () => CALIBRATION_MAX_AGE_MS + 1 });
    expect(result.cached).toBe(false);
    expect(measure).toHaveBeenCalledTimes(1);
  });

  it('does not keep a calibration where nothing ran', async () => {
    const store = memoryCalibrationStore();
    const failed: CalibrationFigure[] = [{ backend: 'wasm', error: 'no binary' }];
    await cachedCalibration('device-a', store, async () => failed);
    expect(await store.get('device-a')).toBeUndefined();
  });

  it('still chooses when the store fails (private mode): it measures every time', async () => {
    const broken: CalibrationStore = {
      get: async () => {
        throw new Error('IndexedDB is disabled');
      },
      put: async () => {
        throw new Error('IndexedDB is disabled');
      },
    };
    const measure = vi.fn(async () => FIGURES);
    expect(await cachedCalibration('device-a', broken, measure)).toEqual({ figures: FIGURES, cached: false });
    expect(await cachedCalibration('device-a', broken, measure)).toEqual({ figures: FIGURES, cached: false });
    expect(measure).toHaveBeenCalledTimes(2);
  });

  it("with an exclusive lock, a second worker waits and reads the first one's figures", async () => {
    const store = memoryCalibrationStore();
    let chain: Promise<unknown> = Promise.resolve();
    const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
      const run = chain.then(fn);
      chain = run.catch(() => undefined);
      return run;
    };
    const measure = vi.fn(async () => FIGURES);
    const [a, b] = await Promise.all([
      cachedCalibration('device-a', store, measure, { exclusive }),
      cachedCalibration('device-a', store, measure, { exclusive }),
    ]);
    expect(measure).toHaveBeenCalledTimes(1);
    expect([a.cached, b.cached]).toEqual([false, true]);
  });
});
