// A page frozen (or a laptop asleep) mid-run: the step that spanned the pause is timed without it.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { syntheticDataset, testConfig } from './testing';
import { Trainer } from './trainer';
import { VariantRunner } from './variantRunner';

/** Runners report `msOf(norm)` as their step time (the real step still runs). */
function fixedTimes(msOf: (runner: VariantRunner) => number, during?: (runner: VariantRunner) => void): void {
  const realStep = VariantRunner.prototype.step;
  vi.spyOn(VariantRunner.prototype, 'step').mockImplementation(async function (this: VariantRunner, ...args) {
    const result = await realStep.apply(this, args);
    during?.(this);
    return { ...result, ms: msOf(this) };
  });
}

const isDeconv = (runner: VariantRunner): boolean => runner.model.norm === 'deconv';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('Trainer.discountPause', () => {
  it('takes a pause reported after the step off the last step of the variant whose time covers it', async () => {
    let slow = false;
    fixedTimes((runner) => (slow && isDeconv(runner) ? 5020 : 20));
    const trainer = new Trainer(testConfig({ evalEvery: 100 }), syntheticDataset());
    await trainer.trainStep();
    slow = true;
    await trainer.trainStep();
    trainer.discountPause(5000);
    expect(trainer.histories().map((h) => h.ms)).toEqual([
      [20, 20],
      [20, 20],
    ]);
    expect(trainer.flushPending().variants.map((v) => v.msPerStep)).toEqual([20, 20]);
    trainer.dispose();
  });

  it('a pause reported while a step is in flight is taken off that step, not the one before', async () => {
    let trainer: Trainer | null = null;
    let report = false;
    fixedTimes(
      (runner) => (report && isDeconv(runner) ? 3020 : 20),
      (runner) => {
        if (report && isDeconv(runner)) trainer?.discountPause(3000);
      },
    );
    trainer = new Trainer(testConfig({ evalEvery: 100 }), syntheticDataset());
    await trainer.trainStep();
    report = true;
    await trainer.trainStep();
    report = false;
    await trainer.trainStep();
    expect(trainer.histories().map((h) => h.ms)).toEqual([
      [20, 20, 20],
      [20, 20, 20],
    ]);
    trainer.dispose();
  });

  it('leaves step times alone when none covers the pause (a clock that stopped while the machine slept)', async () => {
    fixedTimes(() => 20);
    const trainer = new Trainer(testConfig({ evalEvery: 100 }), syntheticDataset());
    await trainer.trainStep();
    trainer.discountPause(60_000);
    await trainer.trainStep();
    expect(trainer.histories().map((h) => h.ms)).toEqual([
      [20, 20],
      [20, 20],
    ]);
    trainer.dispose();
  });
});
