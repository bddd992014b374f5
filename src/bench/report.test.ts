// The report wrapper: rows as the suite measured them, the devices the backends reported, the
// runtime and options, and a wall time.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { runSuiteReport } from './report';
import type { BenchRow, BenchSuiteOptions } from './types';

const options: BenchSuiteOptions = { groups: ['whiten_512'], backends: ['cpu'], full: false, maxReps: 1, budgetMsPerCase: 1 };

describe('runSuiteReport', () => {
  it('records each backend’s device and returns the streamed rows', async () => {
    const streamed: BenchRow[] = [];
    const report = await runSuiteReport(options, 'node', {
      useBackend: async () => {
        await tf.setBackend('cpu');
        return 'tfjs cpu (test)';
      },
      onRow: (row) => streamed.push(row),
      onProgress: () => {},
      // One row is enough to check the wrapper.
      cancelled: () => streamed.length >= 1,
    });
    expect(report.runtime).toBe('node');
    expect(report.devices).toEqual({ cpu: 'tfjs cpu (test)' });
    expect(report.rows).toEqual(streamed);
    expect(report.rows.length).toBe(1);
    expect(report.options).toBe(options);
    expect('userAgent' in report).toBe(false);
    expect(Number.isNaN(Date.parse(report.date))).toBe(false);
    expect(report.totalSeconds).toBeGreaterThanOrEqual(0);
  });
});
