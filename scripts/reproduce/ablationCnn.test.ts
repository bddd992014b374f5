import { afterAll, describe, expect, it } from 'vitest';
import { createModel, modelSettingsFrom } from '../../src/nn/createModel';
import { DeconvConv2d } from '../../src/nn/deconvConv2d';
import { Delinear } from '../../src/nn/delinear';
import type { Layer } from '../../src/nn/layer';
import type { Model } from '../../src/nn/model';
import { Conv2d } from '../../src/nn/plain';
import { AblationCnn } from './ablationCnn';
import { CNN_ABLATIONS, cnnAblationNamed } from './cnnAblations';
import { buildModel, protocolDeconv } from './models';

const SHAPE: [number, number, number] = [8, 8, 1];
const CLASSES = 4;
const SEED = 7;
const settings = modelSettingsFrom(protocolDeconv('simple-cnn'));
const values = (m: Model): { shape: number[]; data: number[] }[] =>
  m.trainableVariables().map((v) => ({ shape: v.shape, data: Array.from(v.dataSync()) }));
const settingsOf = (layer: Layer): unknown => (layer instanceof DeconvConv2d || layer instanceof Delinear ? layer.settings : undefined);
const models: Model[] = [];
const keep = <M extends Model>(m: M): M => {
  models.push(m);
  return m;
};

describe('AblationCnn', () => {
  afterAll(() => {
    for (const m of models) m.dispose();
  });
  const base = keep(createModel('simple-cnn', 'deconv', SHAPE, CLASSES, settings, SEED));
  const baseInput = { ...settings.deconv, iters: settings.inputIters };

  it('with no change it is the app model: same weights, protocol settings in every layer', () => {
    const same = keep(new AblationCnn(SHAPE, CLASSES, { name: 'none', description: '' }, settings, SEED));
    expect(values(same)).toEqual(values(base));
    expect(same.units().map(settingsOf)).toEqual([baseInput, settings.deconv, settings.deconv]);
  });

  it.each(['cnn-input-k5', 'cnn-input-eps-1e-2'])('%s changes one setting of conv1 and nothing else', (name) => {
    const m = keep(new AblationCnn(SHAPE, CLASSES, cnnAblationNamed(name), settings, SEED));
    expect(values(m)).toEqual(values(base));
    const [conv1, conv2, classifier] = m.units().map(settingsOf) as Record<string, unknown>[];
    expect([conv2, classifier]).toEqual([settings.deconv, settings.deconv]);
    const changed = Object.keys(baseInput).filter((k) => conv1[k] !== baseInput[k as keyof typeof baseInput]);
    expect(changed).toEqual([name === 'cnn-input-k5' ? 'iters' : 'eps']);
    expect(conv1[changed[0]]).toBe(name === 'cnn-input-k5' ? 5 : 1e-2);
  });

  it('cnn-freeze-50 freezes the statistics of conv2 and the classifier after step 50; conv1 (fixed from data) unchanged', () => {
    const m = keep(new AblationCnn(SHAPE, CLASSES, cnnAblationNamed('cnn-freeze-50'), settings, SEED));
    expect(values(m)).toEqual(values(base));
    const frozen = { ...settings.deconv, freezeIters: 50 };
    expect(m.units().map(settingsOf)).toEqual([baseInput, frozen, frozen]);
  });

  it('cnn-input-plain: conv1 a plain conv with a bias, conv2 and the classifier deconvolved as in the app model', () => {
    const m = keep(new AblationCnn(SHAPE, CLASSES, cnnAblationNamed('cnn-input-plain'), settings, SEED));
    const [conv1, conv2, classifier] = m.units();
    expect(conv1).toBeInstanceOf(Conv2d);
    expect(conv1.trainableVariables().map((v) => v.shape)).toEqual([[3, 3, 1, 16], [16]]);
    expect([conv2, classifier].map(settingsOf)).toEqual([settings.deconv, settings.deconv]);
    const conv1Count = base.trainableVariables().length - conv2.trainableVariables().length - classifier.trainableVariables().length;
    expect(values(m).slice(2)).toEqual(values(base).slice(conv1Count));
  });

  it('buildModel: a cnn-* ablation builds the deconvolution simple-cnn, input statistics from data unless conv1 is plain', () => {
    for (const a of CNN_ABLATIONS) {
      const b = buildModel(
        { model: 'simple-cnn', dataset: 'mnist', ablation: a.name, lr: 0.03, seed: SEED, epochs: 1 },
        'deconv',
        SHAPE,
        CLASSES,
      );
      keep(b.model);
      expect(b.model).toBeInstanceOf(AblationCnn);
      expect(b.inputFromData).toBe(!a.inputPlain);
    }
    expect(() =>
      buildModel({ model: 'mlp', dataset: 'mnist', ablation: 'cnn-input-k5', lr: 0.03, seed: SEED, epochs: 1 }, 'deconv', [28, 28, 1], 10),
    ).toThrow(/simple-cnn only/);
  });
});
