import { describe, expect, it } from 'vitest';
import { PRESETS, findPreset, matchingPreset } from './presets';
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
