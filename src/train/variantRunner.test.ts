import { describe, expect, it } from 'vitest';
import { EXPLODED_LOSS_FACTOR, divergenceReason } from './variantRunner';

describe('divergenceReason', () => {
  it('flags NaN, ±Inf and a loss over 100 × ln(classes); healthy losses pass', () => {
    expect(divergenceReason(NaN, 10)).toBe('the loss became NaN');
    expect(divergenceReason(Infinity, 10)).toBe('the loss became Infinity');
    expect(divergenceReason(-Infinity, 10)).toBe('the loss became -Infinity');
    const limit = EXPLODED_LOSS_FACTOR * Math.log(10);
    expect(divergenceReason(limit * 1.01, 10)).toMatch(/^the loss exploded to 232\.\d \(over 100× the 2\.30 of a uniform guess\)$/);
    for (const healthy of [0, 2.3, 61.5, limit]) expect(divergenceReason(healthy, 10)).toBeUndefined();
    expect(divergenceReason(200, 4)).toMatch(/exploded/); // ln 4 = 1.39: the limit is 138.6
  });
});
