import { describe, expect, it } from 'vitest';
import { whitenedCaption } from './whitenedCaption';

describe('the whitened figure caption', () => {
  it('calls the K = 1 output what it is: a centred, rescaled copy, not a faint or blurry one', () => {
    const text = whitenedCaption(1);
    expect(text).toMatch(/centred, rescaled copy of the photo/);
    expect(text).not.toMatch(/faint|blurr/i);
  });

  it('says partial whitening for a few iterations and full decorrelation for many', () => {
    expect(whitenedCaption(5)).toMatch(/K = 5 whitening is partial/);
    expect(whitenedCaption(15)).toMatch(/no longer correlate/);
  });
});
