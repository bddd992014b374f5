import { describe, expect, it } from 'vitest';
import { initialRun, type RunModel } from '../../../state/trainingRun';
import { defaultParams } from '../../../state/urlHashSchema';
import { findPreset, type TrainingPreset } from '../../../state/presets';
import { exportFileName, runExportFileName, runToCsv, runToJson } from './exportRun';

function sampleRun(): RunModel {
  return {
    ...initialRun(),
    step: 3,
    stepsPerEpoch: 10,
    totalSteps: 10,
    variants: [
      {
        norm: 'deconv',
        params: 10,
        losses: [
          { step: 1, loss: 2.5 },
          { step: 2, loss: 2 },
        ],
        test: [{ step: 2, accuracy: 0.5 }],
        msPerStep: 14,
        diverged: false,
      },
      {
        norm: 'batchnorm',
        params: 12,
        losses: [
          { step: 1, loss: 2.6 },
          { step: 3, loss: Number.NaN },
        ],
        test: [],
        msPerStep: 11,
        diverged: true,
      },
    ],
  };
}

describe('run export', () => {
  it('writes a wide CSV with a row per step', () => {
    expect(runToCsv(sampleRun())).toBe(
      'step,loss_deconv,loss_batchnorm,test_accuracy_deconv,test_accuracy_batchnorm\n' + '1,2.5,2.6,,\n' + '2,2,,0.5,\n' + '3,,NaN,,\n',
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

  it('gives the runs of two presets different names, with preset, variants and time', () => {
    const at = new Date('2026-11-28T20:13:06.000Z');
    const paramsOf = (id: string) => ({ ...defaultParams(), ...(findPreset(id) as TrainingPreset).params });
    const oneEpoch = runExportFileName(paramsOf('one-epoch'), 'json', at);
    const sparse = runExportFileName(paramsOf('sparse-activations'), 'json', at);
    expect(oneEpoch).toBe('deconv-lab-one-epoch-fashion-mnist-simple-cnn-deconv-batchnorm-seed1-run-20261128-201306.json');
    expect(sparse).not.toBe(oneEpoch);
    expect(runExportFileName(paramsOf('one-epoch'), 'json', new Date('2026-11-28T20:14:00.000Z'))).not.toBe(oneEpoch);
  });

  it('an empty run still gives a header', () => {
    expect(runToCsv(initialRun())).toBe('step\n');
  });
});
