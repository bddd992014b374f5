import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PRESETS, findPreset, matchingPreset, type LinkPreset } from './presets';
import { parseWhiteningHash } from './whiteningHash';
import { parseQuery, serialiseQuery } from './urlHash';
import { defaultParams } from './urlHashSchema';

describe('presets', () => {
  it('has the five lecture presets', () => {
    expect(PRESETS.map((preset) => preset.title)).toEqual([
      'One epoch: deconvolution vs batch norm',
      'Sparse activations',
      'Fast deconvolution: frozen statistics',
      'Centre–surround in one click',
      'Partial whitening: 1 to 15 iterations',
    ]);
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
        expect(Number.isNaN(Number(value)) ? read[key] : Number(read[key]), `${link.id}: ${key}`).toEqual(Number.isNaN(Number(value)) ? value : Number(value));
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
  });
});
