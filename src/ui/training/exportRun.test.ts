import { describe, expect, it } from 'vitest';
import { initialRun, type RunModel } from '../../state/trainingRun';
import { defaultParams } from '../../state/urlHashSchema';
import { exportFileName, runToCsv, runToJson } from './exportRun';

function sampleRun(): RunModel {
  return {
    ...initialRun(),
    step: 3,
    stepsPerEpoch: 10,
    totalSteps: 10,
    variants: [
      { norm: 'deconv', params: 10, losses: [{ step: 1, loss: 2.5 }, { step: 2, loss: 2 }], test: [{ step: 2, accuracy: 0.5 }], msPerStep: 14, diverged: false },
      { norm: 'batchnorm', params: 12, losses: [{ step: 1, loss: 2.6 }, { step: 3, loss: Number.NaN }], test: [], msPerStep: 11, diverged: true },
    ],
  };
}

describe('run export', () => {
  it('writes a wide CSV with a row per step', () => {
    expect(runToCsv(sampleRun())).toBe(
      'step,loss_deconv,loss_batchnorm,test_accuracy_deconv,test_accuracy_batchnorm\n' +
        '1,2.5,2.6,,\n' +
        '2,2,,0.5,\n' +
        '3,,NaN,,\n',
    );
  });

  it('writes JSON that parses, with NaN as null and the reproducing hash', () => {
    const text = runToJson(sampleRun(), defaultParams(), '2026-01-01T00:00:00.000Z');
    const parsed = JSON.parse(text);
    expect(parsed.app).toBe('deconv-lab');
    expect(parsed.variants[1].losses[1].loss).toBeNull();
    expect(parsed.hash).toMatch(/^#\/training\?dataset=fashion-mnist&/);
    expect(parsed.config.batchSize).toBe(defaultParams().batch);
  });

  it('names files after dataset, model and seed', () => {
    expect(exportFileName(defaultParams(), 'loss', 'svg')).toBe('deconv-lab-fashion-mnist-simple-cnn-seed1-loss.svg');
  });

  it('an empty run still gives a header', () => {
    expect(runToCsv(initialRun())).toBe('step\n');
  });
});
