import { describe, expect, it } from 'vitest';
import { Delinear } from '../../src/nn/delinear';
import { ablationNamed, COST_ABLATIONS } from './ablations';
import { buildModel } from './models';

describe('MLP cost ablations', () => {
  const base = ablationNamed('base');

  it.each([
    ['hidden-b16', { block: 16 }],
    ['hidden-b32', { block: 32 }],
    ['freeze-10', { freezeIters: 10 }],
    ['freeze-20', { freezeIters: 20 }],
  ])('%s changes one setting of the hidden layers and nothing else', (name, change) => {
    const a = ablationNamed(name);
    expect(COST_ABLATIONS).toContain(name);
    expect(a.hidden).toEqual({ ...base.hidden, ...change });
    expect({ ...a, name: 'base', description: '', hidden: base.hidden }).toEqual({ ...base, description: '' });
  });

  it('hidden-b32 whitens the 128 hidden features in 4 pooled blocks of 32; the input keeps blocks of 16', () => {
    const { model } = buildModel(
      { model: 'mlp', dataset: 'fashion-mnist', ablation: 'hidden-b32', lr: 0.1, seed: 1, epochs: 1 },
      'deconv',
      [28, 28, 1],
      10,
    );
    try {
      const layers = (model as unknown as { layers: unknown[] }).layers.filter((l): l is Delinear => l instanceof Delinear);
      expect(layers.map((l) => [l.block, l.groups])).toEqual([
        [16, 49],
        [32, 4],
        [32, 4],
      ]);
    } finally {
      model.dispose();
    }
  });
});
