import { describe, expect, it } from 'vitest';
import { defaultTrainingParams, toTrainConfig, TRAINING_SETTINGS } from '../train/trainingSettings';
import { CliError } from './cliError';
import { parseFlags } from './flags';
import { readSettingFlags, settingFlagSpec, settingUsageLines } from './settingsFlags';

const spec = settingFlagSpec(TRAINING_SETTINGS);
const read = (args: string[]) => readSettingFlags(TRAINING_SETTINGS, parseFlags(args, spec));

describe('training flags derived from the settings table', () => {
  it('without flags gives exactly the app defaults', () => {
    expect(read([])).toEqual(defaultTrainingParams());
  });

  it('reads a learning rate per variant into the trainer config', () => {
    const params = read(['--lr', '0.1', '--lr-deconv', '0.03', '--lr-batchnorm=0.01']);
    expect(params.lrByNorm).toEqual({ deconv: 0.03, batchnorm: 0.01 });
    const config = toTrainConfig(params);
    expect(config.lr).toBe(0.1);
    expect(config.lrByNorm).toEqual({ deconv: 0.03, batchnorm: 0.01 });
    expect(toTrainConfig(read([])).lrByNorm).toBeUndefined();
  });

  it('maps every flag onto its setting, old flag names included', () => {
    const params = read([
      '--batch',
      '32',
      '--sampling-stride',
      '2',
      '--freeze',
      '100',
      '--block-mode',
      'per-block',
      '--input-iters',
      '9',
      '--norm',
      'none,deconv',
    ]);
    expect([params.batch, params.stride, params.freeze, params.blockMode, params.inputIters, params.norms]).toEqual([
      32,
      2,
      100,
      'per-block',
      9,
      ['none', 'deconv'],
    ]);
    expect(read(['--stride', '4']).stride).toBe(4);
  });

  it('rejects with one-line errors naming the range of the table', () => {
    for (const [args, message] of [
      [['--lr-deconv', '0'], /--lr-deconv must be a number greater than 0/],
      [['--iters', '0'], /--iters must be a whole number from 1 to 30/],
      [['--stride', '2', '--sampling-stride', '3'], /--stride and --sampling-stride set the same thing/],
      [['--block-mode', 'strided'], /--block-mode must be one of pooled, per-block/],
    ] as const) {
      let error: unknown;
      try {
        read([...args]);
      } catch (e) {
        error = e;
      }
      expect(error, args.join(' ')).toBeInstanceOf(CliError);
      expect((error as Error).message).toMatch(message);
    }
  });

  it('documents every flag in --help, the per-variant rates too', () => {
    const usage = settingUsageLines(TRAINING_SETTINGS).join('\n');
    for (const flag of Object.keys(spec).filter((name) => name !== 'sampling-stride')) expect(usage).toContain(`--${flag} `);
    expect(usage).toContain('--lr-deconv X --lr-batchnorm X --lr-none X');
  });
});
