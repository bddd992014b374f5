import { describe, expect, it } from 'vitest';
import { parseFlags } from '../cli/flags';
import { readSettingFlags, settingFlagSpec } from '../cli/settingsFlags';
import { parseSettingsQuery, serialiseSettings } from '../core/settingsTable';
import { defaultTrainingParams, toTrainConfig, TRAINING_SETTINGS, type TrainingParams } from './trainingSettings';

const parseQuery = (query: string) => ({ params: parseSettingsQuery(TRAINING_SETTINGS, query).values });
const serialiseQuery = (params: TrainingParams) => serialiseSettings(TRAINING_SETTINGS, params);
const cli = (args: string[]) => readSettingFlags(TRAINING_SETTINGS, parseFlags(args, settingFlagSpec(TRAINING_SETTINGS)));

describe('the block size: the model default unless a block is named', () => {
  it("trains each model at its own default block when none is named (the mlp's is 32)", () => {
    const params = defaultTrainingParams();
    expect(params.block).toBe(0);
    expect(toTrainConfig({ ...params, model: 'mlp' }).deconv.block).toBe(32);
    expect(toTrainConfig({ ...params, model: 'simple-cnn' }).deconv.block).toBe(64);
    expect(toTrainConfig({ ...params, model: 'vgg-mini' }).deconv.block).toBe(64);
  });

  it('keeps a block named on the command line or in the address, whatever the model', () => {
    expect(toTrainConfig(cli(['--model', 'mlp', '--block', '64'])).deconv.block).toBe(64);
    expect(toTrainConfig(cli(['--model', 'mlp'])).deconv.block).toBe(32);
    expect(toTrainConfig(parseQuery('model=mlp&block=64').params).deconv.block).toBe(64);
    expect(toTrainConfig(parseQuery('model=mlp&block=16').params).deconv.block).toBe(16);
    expect(toTrainConfig(parseQuery('model=mlp').params).deconv.block).toBe(32);
  });

  it('a copied link keeps "the model default", so switching the model there switches the block', () => {
    const link = serialiseQuery({ ...defaultTrainingParams(), model: 'mlp' });
    expect(link).toContain('block=0');
    const back = parseQuery(link.replace('model=mlp', 'model=simple-cnn')).params;
    expect(toTrainConfig(back).deconv.block).toBe(64);
  });

  it("names what 0 means from the catalogue's defaults", () => {
    expect(TRAINING_SETTINGS.block.help).toBe("0 = the model's default (32 for mlp, 64 for the others)");
  });
});
