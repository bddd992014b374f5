import { describe, expect, it } from 'vitest';
import { hashForTab, tabFromHash } from './route';

describe('tab routing in the hash', () => {
  it('reads the tab and leaves the rest to the view', () => {
    expect(tabFromHash('#/training?lr=0.1&seed=3')).toBe('training');
    expect(tabFromHash('#/training')).toBe('training');
    expect(tabFromHash('#/whitening?k=3')).toBe('whitening');
    expect(tabFromHash('#/benchmark?backends=cpu')).toBe('benchmark');
    expect(tabFromHash('#/benchmark')).toBe('benchmark');
    expect(tabFromHash('#/tour?step=4')).toBe('tour');
    expect(tabFromHash('#/tour')).toBe('tour');
    expect(tabFromHash('#/tour?step=garbage')).toBe('tour');
  });
  it('falls back to whitening for empty or garbage hashes', () => {
    expect(tabFromHash('')).toBe('whitening');
    expect(tabFromHash('#%%%garbage')).toBe('whitening');
    expect(tabFromHash('#/trainingX')).toBe('whitening');
    expect(tabFromHash('#/benchmarks')).toBe('whitening');
    expect(tabFromHash('#/tourist')).toBe('whitening');
  });
  it('round-trips', () => {
    expect(tabFromHash(hashForTab('training'))).toBe('training');
    expect(tabFromHash(hashForTab('whitening'))).toBe('whitening');
    expect(tabFromHash(hashForTab('benchmark'))).toBe('benchmark');
    expect(tabFromHash(hashForTab('tour'))).toBe('tour');
  });
});
