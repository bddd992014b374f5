import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { timeWorkload } from './calibrationWorkload';

describe('timeWorkload', () => {
  it('times the workload on the active backend and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const ms = await timeWorkload({ batch: 1, side: 8, channels: 4, matrix: 16, smallOps: 2 }, 1);
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });
});
