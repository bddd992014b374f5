import { describe, expect, it } from 'vitest';
import { DEFAULT_LRS, parseArgs, parseSeeds } from './args';
import { plannedRuns } from './plan';

describe('parseArgs', () => {
  it('defaults: both models and datasets, the lr grid, 5 seeds, 1 epoch, wasm', () => {
    const o = parseArgs([]);
    expect(o.models).toEqual(['mlp', 'simple-cnn']);
    expect(o.datasets).toEqual(['mnist', 'fashion-mnist']);
    expect(o.lrs).toEqual(DEFAULT_LRS);
    expect(o.seeds).toEqual([1, 2, 3, 4, 5]);
    expect([o.epochs, o.backend, o.tag, o.reportOnly, o.targetLoss]).toEqual([[1], 'wasm', 'runs', false, 0.5]);
  });
  it('reads lists and flags', () => {
    const o = parseArgs([
      '--models',
      'mlp',
      '--datasets',
      'mnist',
      '--lrs',
      '0.01,0.1',
      '--seeds',
      '3',
      '--epochs',
      '1,5',
      '--tag',
      'a',
      '--report-only',
      '--target-loss',
      '0.3',
    ]);
    expect([o.models, o.datasets, o.lrs, o.seeds, o.epochs, o.tag, o.reportOnly, o.targetLoss]).toEqual([
      ['mlp'],
      ['mnist'],
      [0.01, 0.1],
      [1, 2, 3],
      [1, 5],
      'a',
      true,
      0.3,
    ]);
  });
  it("the reference's own MLP runs only when asked for", () => {
    expect(parseArgs([]).models).not.toContain('paper-mlp');
    expect(parseArgs(['--models', 'paper-mlp,mlp']).models).toEqual(['paper-mlp', 'mlp']);
  });
  it('seeds: a count or an explicit list', () => {
    expect(parseSeeds('2')).toEqual([1, 2]);
    expect(parseSeeds('4,7')).toEqual([4, 7]);
    expect(() => parseSeeds('0')).toThrow(/--seeds/);
  });
  it('accepts the simple-cnn ablations', () => {
    expect(parseArgs(['--ablations', 'cnn-input-plain,cnn-input-k5,cnn-input-eps-1e-2']).ablations).toEqual([
      'cnn-input-plain',
      'cnn-input-k5',
      'cnn-input-eps-1e-2',
    ]);
    expect(() => parseArgs(['--ablations', 'cnn-input-whole'])).toThrow(/unknown ablation "cnn-input-whole"/);
  });
  it('rejects unknown names and bad numbers', () => {
    expect(() => parseArgs(['--models', 'vgg'])).toThrow(/unknown model "vgg"/);
    expect(() => parseArgs(['--lrs', '0.1,x'])).toThrow(/--lrs/);
    expect(() => parseArgs(['--ablations', 'nope'])).toThrow(/unknown ablation/);
    expect(() => parseArgs(['--epochs', '1.5'])).toThrow(/--epochs/);
    expect(() => parseArgs(['--tag'])).toThrow(/needs a value/);
  });
});

describe('plannedRuns', () => {
  it('seeds outermost, then models, datasets and lrs', () => {
    const runs = plannedRuns({
      models: ['mlp'],
      datasets: ['mnist', 'fashion-mnist'],
      lrs: [0.1, 0.3],
      seeds: [1, 2],
      epochs: [1],
      ablations: [],
    });
    expect(runs.map((r) => `${r.seed} ${r.dataset} ${r.lr}`)).toEqual([
      '1 mnist 0.1',
      '1 mnist 0.3',
      '1 fashion-mnist 0.1',
      '1 fashion-mnist 0.3',
      '2 mnist 0.1',
      '2 mnist 0.3',
      '2 fashion-mnist 0.1',
      '2 fashion-mnist 0.3',
    ]);
    expect(runs.every((r) => r.ablation === 'main')).toBe(true);
  });
  it('cnn-* ablations run on the MNIST simple-cnn, the others on the MNIST MLP', () => {
    const runs = plannedRuns({
      models: ['simple-cnn'],
      datasets: ['mnist'],
      lrs: [0.03],
      seeds: [1],
      epochs: [1],
      ablations: ['cnn-input-plain', 'base'],
    });
    expect(runs.map((r) => `${r.model} ${r.dataset} ${r.ablation} ${r.lr}`)).toEqual([
      'simple-cnn mnist cnn-input-plain 0.03',
      'mlp mnist base 0.03',
    ]);
  });
  it('MLP ablations run on the MLP whatever --models says, on the datasets asked for', () => {
    const runs = plannedRuns({
      models: ['simple-cnn'],
      datasets: ['fashion-mnist', 'mnist'],
      lrs: [0.1],
      seeds: [1],
      epochs: [1],
      ablations: ['hidden-b16', 'cnn-freeze-50'],
    });
    expect(runs).toEqual([
      { model: 'mlp', dataset: 'fashion-mnist', ablation: 'hidden-b16', lr: 0.1, seed: 1, epochs: 1 },
      { model: 'mlp', dataset: 'mnist', ablation: 'hidden-b16', lr: 0.1, seed: 1, epochs: 1 },
      { model: 'simple-cnn', dataset: 'fashion-mnist', ablation: 'cnn-freeze-50', lr: 0.1, seed: 1, epochs: 1 },
      { model: 'simple-cnn', dataset: 'mnist', ablation: 'cnn-freeze-50', lr: 0.1, seed: 1, epochs: 1 },
    ]);
  });
  it('ablations run on MNIST unless --datasets is given', () => {
    expect(parseArgs(['--ablations', 'base']).datasets).toEqual(['mnist']);
    expect(parseArgs(['--ablations', 'base', '--datasets', 'fashion-mnist,mnist']).datasets).toEqual(['fashion-mnist', 'mnist']);
    expect(parseArgs([]).datasets).toEqual(['mnist', 'fashion-mnist']);
  });
});
