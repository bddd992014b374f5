import { describe, expect, it } from 'vitest';
import { findPreset, matchingPreset, type TrainingPreset } from './presets';
import { MAX_QUERY_LENGTH, parseQuery, serialiseQuery, trainingHash, trainingQueryOf } from './urlHash';
import { defaultParams, TRAINING_SCHEMA, type TrainingParams } from './urlHashSchema';

describe('url hash schema', () => {
  it('round-trips a non-default configuration exactly', () => {
    const params: TrainingParams = {
      ...defaultParams(),
      dataset: 'mnist',
      model: 'mlp',
      norms: ['batchnorm', 'none', 'deconv'],
      lr: 0.0123456789,
      eps: 3e-7,
      batch: 32,
      seed: 2147483647,
      optimizer: 'adam',
      blockMode: 'per-block',
    };
    const parsed = parseQuery(serialiseQuery(params));
    expect(parsed.notices).toEqual([]);
    expect(parsed.params).toEqual(params);
  });

  it('round-trips a learning rate per variant as lr.<variant> keys, and leaves the others unset', () => {
    const params: TrainingParams = { ...defaultParams(), lr: 0.1, lrByNorm: { deconv: 0.03, none: 0.2 } };
    const query = serialiseQuery(params);
    expect(query).toContain('lr.deconv=0.03');
    expect(query).toContain('lr.none=0.2');
    expect(query).not.toContain('lr.batchnorm');
    const parsed = parseQuery(query);
    expect(parsed.notices).toEqual([]);
    expect(parsed.params).toEqual(params);
    expect(parseQuery('lr.batchnorm=0.01').params.lrByNorm).toEqual({ batchnorm: 0.01 });
    expect(serialiseQuery(defaultParams())).not.toContain('lr.');
  });

  it('rejects a per-variant rate out of range or for an unknown variant, keeping the shared rate', () => {
    const { params, notices } = parseQuery('lr.deconv=0&lr.layernorm=0.1&lr.none=banana');
    expect(params.lrByNorm).toEqual({});
    expect(notices).toHaveLength(3);
    expect(notices.join(' ')).toContain('Unknown setting "lr.layernorm"');
  });

  it('gives defaults and no notice for an empty query', () => {
    expect(parseQuery('')).toEqual({ params: defaultParams(), notices: [] });
  });

  it('falls back per key for garbage, out-of-range and unknown keys', () => {
    const { params, notices } = parseQuery('lr=banana&batch=0&seed=1.5&model=alexnet&zzz=1&norms=deconv,xx&epochs=3');
    const defaults = defaultParams();
    expect(params.lr).toBe(defaults.lr);
    expect(params.batch).toBe(defaults.batch);
    expect(params.seed).toBe(defaults.seed);
    expect(params.model).toBe(defaults.model);
    expect(params.norms).toEqual(defaults.norms);
    expect(params.epochs).toBe(3);
    expect(notices).toHaveLength(6);
    expect(notices.join(' ')).toContain('Unknown setting "zzz"');
  });

  it('survives random bytes and malformed percent escapes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let trial = 0; trial < 200; trial++) {
      const length = next() % 120;
      const text = Array.from({ length }, () => String.fromCharCode(next() % 256)).join('');
      const { params } = parseQuery(`${text}&%E0%A4%A=1&lr=%%`);
      for (const key of Object.keys(TRAINING_SCHEMA) as (keyof TrainingParams)[]) {
        expect(params[key]).toBeDefined();
      }
      expect(Number.isFinite(params.lr)).toBe(true);
    }
  });

  it('ignores a very long query whole', () => {
    const { params, notices } = parseQuery(`lr=0.2&pad=${'x'.repeat(MAX_QUERY_LENGTH)}`);
    expect(params).toEqual(defaultParams());
    expect(notices[0]).toMatch(/too long/);
  });

  it('rejects infinities and empty numbers', () => {
    const { params, notices } = parseQuery('lr=Infinity&momentum=');
    expect(params.lr).toBe(defaultParams().lr);
    expect(params.momentum).toBe(defaultParams().momentum);
    expect(notices).toHaveLength(2);
  });

  it('deduplicates variants and keeps their order', () => {
    expect(parseQuery('norms=none,deconv,none').params.norms).toEqual(['none', 'deconv']);
  });

  it('finds the training query inside a location hash', () => {
    expect(trainingQueryOf('#/training?lr=1')).toBe('lr=1');
    expect(trainingQueryOf('#/training')).toBe('');
    expect(trainingQueryOf('#/whitening?sample=x')).toBeNull();
    expect(trainingQueryOf(trainingHash(defaultParams()))).toBe(serialiseQuery(defaultParams()));
  });
});

describe('a link that names a training preset', () => {
  const preset = (id: string) => findPreset(id) as TrainingPreset;

  it("preset=<id> sets the preset's settings, so the preset menu recognises it", () => {
    const { params, notices } = parseQuery('preset=own-learning-rates');
    expect(notices).toEqual([]);
    expect(params).toMatchObject(preset('own-learning-rates').params);
    expect(matchingPreset(params)?.id).toBe('own-learning-rates');
  });

  it("the link's other keys apply on top of the preset, in any order", () => {
    const { params, notices } = parseQuery('seed=7&preset=one-epoch&model=mlp');
    expect(notices).toEqual([]);
    expect(params).toMatchObject({ ...preset('one-epoch').params, seed: 7, model: 'mlp' });
  });

  it('an unknown or non-training preset is named in a notice and the rest of the link still applies', () => {
    for (const id of ['no-such-preset', 'partial-whitening']) {
      const { params, notices } = parseQuery(`preset=${id}&seed=9`);
      expect(params).toEqual({ ...defaultParams(), seed: 9 });
      expect(notices).toEqual([expect.stringContaining(`Unknown training preset "${id}" ignored (presets: one-epoch,`)]);
    }
  });
});
