import { describe, expect, it } from 'vitest';
import { matchingPreset } from '../../state/presets';
import { configStore } from '../../state/trainingStore';
import { driveTraining } from './driveTourStage';

describe('the tour driving the training view', () => {
  it('applies the step preset once, then leaves the settings alone', () => {
    configStore.getState().setParams({ model: 'mlp', dataset: 'mnist' });
    driveTraining({ view: 'training', preset: 'one-epoch', focus: 'curves' });
    expect(matchingPreset(configStore.getState().params)?.id).toBe('one-epoch');
    const applied = configStore.getState().params;
    driveTraining({ view: 'training', preset: 'one-epoch', focus: 'kernels' });
    expect(configStore.getState().params).toBe(applied);
  });
  it('keeps a setting the preset does not name (a lecturer’s refresh rate)', () => {
    configStore.getState().setParams({ hz: 2, model: 'mlp' });
    driveTraining({ view: 'training', preset: 'one-epoch', focus: 'curves' });
    expect(configStore.getState().params.hz).toBe(2);
  });
});
