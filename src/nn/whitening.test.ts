import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { FREEZE_REFRESH_EVERY, RunningWhitening } from './whitening';

describe('RunningWhitening.plan', () => {
  it('is a query: asking twice gives the same answer and leaves the step counter alone', () => {
    const running = new RunningWhitening(1, 2);
    const first = running.plan(true, 2);
    const second = running.plan(true, 2);
    expect(second).toEqual(first);
    expect(running.trainingSteps).toBe(0);
    running.dispose();
  });

  it('follows the counter that countPass moves (training passes only)', () => {
    const running = new RunningWhitening(1, 2);
    running.countPass(false);
    expect(running.trainingSteps).toBe(0);
    running.countPass(true);
    expect(running.plan(true, 2)).toEqual({ useBatch: true, update: true });
    running.countPass(true);
    expect(running.trainingSteps).toBe(2);
    // Frozen at step 2: running statistics, no update until the next refresh step.
    expect(running.plan(true, 2)).toEqual({ useBatch: false, update: false });
    running.countPass(true, FREEZE_REFRESH_EVERY - 1);
    expect(running.plan(true, 2)).toEqual({ useBatch: false, update: true });
    running.dispose();
  });

  it('a caller-given step wins over the counter', () => {
    const running = new RunningWhitening(1, 2);
    expect(running.plan(true, 3, 5)).toEqual({ useBatch: false, update: false });
    expect(running.plan(false, 3, 5)).toEqual({ useBatch: false, update: false });
    running.countPass(true, 5);
    expect(running.trainingSteps).toBe(6);
    running.dispose();
  });
});
