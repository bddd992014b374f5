import { describe, expect, it } from 'vitest';
import { atLeast, atMost, comparisonRow, mb, ms, valueRow } from './rows';

const base = { group: 'g', label: 'l', backend: 'cpu' as const, ratioMeaning: 'a / b', reps: 3 };

describe('comparisonRow', () => {
  it('computes ratio = a / b and keeps a, b, then the extra values in order', () => {
    const row = comparisonRow({ ...base, a: ms('deconv', 30), b: ms('bn', 20), extra: [ms('first', 99)] });
    expect(row.ratio).toBeCloseTo(1.5, 12);
    expect(row.values.map((v) => v.label)).toEqual(['deconv', 'bn', 'first']);
    expect(row.target).toBeUndefined();
    expect(row.met).toBeUndefined();
  });

  it('decides met from the target, inclusive at the bound', () => {
    expect(comparisonRow({ ...base, a: ms('a', 15), b: ms('b', 10), target: atMost(1.5) }).met).toBe(true);
    expect(comparisonRow({ ...base, a: ms('a', 16), b: ms('b', 10), target: atMost(1.5) })).toMatchObject({
      met: false,
      target: '<= 1.5x',
    });
    expect(comparisonRow({ ...base, a: ms('a', 50), b: ms('b', 10), target: atLeast(5) }).met).toBe(true);
    expect(comparisonRow({ ...base, a: ms('a', 49), b: ms('b', 10), target: atLeast(5) })).toMatchObject({ met: false, target: '>= 5x' });
  });

  it('never reports a target as met when the ratio is not a number', () => {
    expect(comparisonRow({ ...base, a: ms('a', 0), b: ms('b', 0), target: atMost(1.5) }).met).toBe(false);
    expect(comparisonRow({ ...base, a: ms('a', 1), b: ms('b', 0), target: atLeast(1) }).met).toBe(false);
  });
});

describe('values', () => {
  it('converts bytes to MB (2^20) and builds rows without a ratio', () => {
    expect(mb('peak', 3 * 1024 * 1024)).toEqual({ label: 'peak', value: 3, unit: 'MB' });
    const row = valueRow('g', 'l', 'webgl', [ms('t', 2)], 1, 'context');
    expect(row).toEqual({
      group: 'g',
      label: 'l',
      backend: 'webgl',
      values: [{ label: 't', value: 2, unit: 'ms' }],
      reps: 1,
      note: 'context',
    });
    expect('ratio' in row).toBe(false);
  });
});
