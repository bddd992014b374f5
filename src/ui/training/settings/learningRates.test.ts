import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../../state/urlHashSchema';
import { hasOwnLearningRates, learningRateReason, learningRatesText } from './learningRates';

describe('learning rate per variant, as text', () => {
  it("shows each trained variant's own rate, else the shared one", () => {
    const params = { ...defaultParams(), norms: ['deconv', 'batchnorm', 'none'] as const, lr: 0.05, lrByNorm: { deconv: 0.03, none: 0.2 } };
    expect(learningRatesText({ ...params, norms: [...params.norms] })).toBe('lr: deconv 0.03, BN 0.05, none 0.2');
  });

  it("gives the preset's reason only when the rates differ", () => {
    const shared = defaultParams();
    expect(hasOwnLearningRates(shared)).toBe(false);
    expect(learningRateReason(shared, 'best lr per variant')).toBeUndefined();
    // A rate for a variant that is not trained, or equal to the shared one, changes nothing.
    expect(hasOwnLearningRates({ ...shared, norms: ['deconv'], lrByNorm: { batchnorm: 0.01, deconv: shared.lr } })).toBe(false);
    const own = { ...shared, lrByNorm: { batchnorm: shared.lr * 2 } };
    expect(learningRateReason(own, 'best lr per variant')).toBe('best lr per variant');
    expect(learningRateReason(own, undefined)).toMatch(/by hand/);
  });
});
