// Alternating rounds: every side runs once per round, after one warm-up each; no tensors are left.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { measureInterleaved } from './interleavedTiming';

describe('measureInterleaved', () => {
  it('runs the sides in turn (warm-ups, then rounds) up to maxReps, and disposes every result', async () => {
    const order: string[] = [];
    const side = (name: string) => () => {
      order.push(name);
      return [tf.ones([2, 2])];
    };
    const before = tf.memory().numTensors;
    const [a, b] = await measureInterleaved([side('a'), side('b')], 3, 1e9);
    expect(order).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect([a.reps, b.reps]).toEqual([3, 3]);
    expect(Number.isFinite(a.medianMs) && a.medianMs >= 0 && b.warmupMs >= 0).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops after one round once the budget is spent', async () => {
    const [only] = await measureInterleaved([() => [tf.zeros([1])]], 10, 0);
    expect(only.reps).toBe(1);
  });
});
