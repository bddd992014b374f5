import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PRESETS, findPreset, matchingPreset, type LinkPreset } from './presets';
import { parseWhiteningHash } from './whiteningHash';
import { parseQuery, serialiseQuery } from './urlHash';
import { defaultParams, TRAINING_SCHEMA, type TrainingParams } from './urlHashSchema';
import { serialiseSettings, urlKeyOf, type Field } from '../core/settingsTable';
import { WHITENING_SETTINGS } from '../core/whitenSettings';

describe('presets', () => {
  it('has the six lecture presets', () => {
    expect(PRESETS.map((preset) => preset.title)).toEqual([
      'One epoch: deconvolution vs batch norm',
      'MNIST: each at its own learning rate',
      'Sparse activations',
      'Fast deconvolution: frozen statistics',
      'Centre–surround in one click',
      'Partial whitening: 1 to 15 iterations',
    ]);
  });

  it('a preset whose variants train at different learning rates says why', () => {
    for (const preset of PRESETS) {
      if (preset.kind !== 'training') continue;
      const rates = new Set((preset.params.norms ?? []).map((norm) => preset.params.lrByNorm?.[norm] ?? preset.params.lr));
      if (rates.size > 1) expect(preset.reason, preset.id).toMatch(/validation/);
    }
  });

  it('training presets only hold values the URL schema accepts', () => {
    for (const preset of PRESETS) {
      if (preset.kind !== 'training') continue;
      const params = { ...defaultParams(), ...preset.params };
      const parsed = parseQuery(serialiseQuery(params));
      expect(parsed.notices).toEqual([]);
      expect(parsed.params).toEqual(params);
      expect(matchingPreset(params)?.id).toBe(preset.id);
    }
  });

  it("a link holding only a training preset's settings opens every one of them, read by the real parser", () => {
    for (const preset of PRESETS) {
      if (preset.kind !== 'training') continue;
      const keys = Object.keys(preset.params) as (keyof TrainingParams)[];
      const query = serialiseSettings(TRAINING_SCHEMA, { ...defaultParams(), ...preset.params }, (name) => keys.includes(name));
      const parsed = parseQuery(query);
      expect(parsed.notices, preset.id).toEqual([]);
      for (const key of keys) expect(parsed.params[key], `${preset.id}: ${key}`).toEqual(preset.params[key]);
    }
  });

  it('a preset that gives the variants their own learning rates says why', () => {
    for (const preset of PRESETS) {
      if (preset.kind !== 'training') continue;
      const own = Object.keys(preset.params.lrByNorm ?? {}).length > 0;
      if (own) expect(preset.reason, preset.id).toMatch(/\w+ .*\w/);
    }
  });

  it("every whitening link's value is the one the whitening settings table reads", () => {
    const fields = Object.entries(WHITENING_SETTINGS) as [string, Field][];
    for (const link of PRESETS.filter((p): p is LinkPreset => p.kind === 'link')) {
      const parsed = parseWhiteningHash(link.href);
      for (const [key, raw] of new URLSearchParams(link.href.slice(link.href.indexOf('?') + 1))) {
        if (key === 'sample') continue;
        const entry = fields.find(([name, field]) => urlKeyOf(name, field) === key || field.oldUrlKeys?.includes(key));
        expect(entry, `${link.id}: key ${key}`).toBeDefined();
        const [name, field] = entry as [string, Field];
        const value = (parsed.settings as unknown as Record<string, unknown>)[name];
        const expected = field.kind === 'bool' ? raw === '1' : field.kind === 'enum' ? raw : Number(raw);
        expect(value, `${link.id}: ${key}`).toEqual(expected);
      }
    }
  });

  it('every whitening link opens exactly what it says: each key read by the real parser, with its value', () => {
    const samples = (JSON.parse(readFileSync('public/samples/index.json', 'utf8')) as { file: string }[]).map((s) => s.file);
    const links = PRESETS.filter((p): p is LinkPreset => p.kind === 'link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const parsed = parseWhiteningHash(link.href);
      const query = new URLSearchParams(link.href.slice(link.href.indexOf('?') + 1));
      // The link's own values, as the parser reports them: a key it ignores would show as a default.
      const read: Record<string, string | null> = {
        sample: parsed.sample,
        k: String(parsed.settings.kernel),
        K: String(parsed.settings.iters),
        eps: String(parsed.settings.eps),
        stride: String(parsed.settings.samplingStride),
        grey: parsed.settings.grey ? '1' : '0',
      };
      for (const [key, value] of query) {
        expect(Object.keys(read), `${link.id}: key ${key}`).toContain(key);
        expect(Number.isNaN(Number(value)) ? read[key] : Number(read[key]), `${link.id}: ${key}`).toEqual(
          Number.isNaN(Number(value)) ? value : Number(value),
        );
      }
      expect(samples, `${link.id}: sample`).toContain(parsed.sample);
    }
    expect(parseWhiteningHash((findPreset('partial-whitening') as LinkPreset).href).settings.iters).toBe(1);
  });

  it('whitening presets link into the whitening view', () => {
    const link = findPreset('partial-whitening');
    expect(link?.kind).toBe('link');
    expect(link && link.kind === 'link' ? link.href : '').toMatch(/^#\/whitening\?/);
  });

  it('does not claim a preset after a setting changed', () => {
    const one = findPreset('one-epoch');
    if (!one || one.kind !== 'training') throw new Error('preset missing');
    expect(matchingPreset({ ...defaultParams(), ...one.params, lr: 0.5 })).toBeUndefined();
    expect(matchingPreset({ ...defaultParams(), ...one.params, lrByNorm: { deconv: 0.01 } })).toBeUndefined();
  });
});
