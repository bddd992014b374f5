import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../platform/whitenProtocol';
import { formatWhiteningHash, parseWhiteningHash } from './whiteningHash';

describe('whitening hash', () => {
  it('round-trips settings and the sample', () => {
    const state = {
      settings: { kernel: 5, eps: 1e-3, iters: 7, samplingStride: 2, grey: true, engine: 'direct' as const },
      sample: 'chelsea.png',
    };
    expect(parseWhiteningHash(formatWhiteningHash(state))).toEqual(state);
    const onBackend = { ...state, settings: { ...state.settings, engine: 'backend' as const } };
    expect(formatWhiteningHash(onBackend)).toContain('engine=backend');
    expect(parseWhiteningHash(formatWhiteningHash(onBackend))).toEqual(onBackend);
  });
  it('leaves the default engine (direct) out of the link, and ignores an unknown one', () => {
    expect(formatWhiteningHash({ settings: DEFAULT_SETTINGS, sample: null })).not.toContain('engine');
    expect(parseWhiteningHash('#/whitening?engine=gpu').settings.engine).toBe('direct');
  });
  it('keeps defaults for garbage, out-of-range and even kernels', () => {
    expect(parseWhiteningHash('#/whitening?k=4&eps=5&K=99&stride=-1&grey=x&engine=1&sample=../../etc')).toEqual({
      settings: DEFAULT_SETTINGS,
      sample: null,
    });
    expect(parseWhiteningHash('#%%%').settings).toEqual(DEFAULT_SETTINGS);
    expect(parseWhiteningHash('#/training?k=5').settings).toEqual(DEFAULT_SETTINGS);
  });
  it('still reads iters= of older links as K, and writes K', () => {
    expect(parseWhiteningHash('#/whitening?iters=4').settings.iters).toBe(4);
    expect(parseWhiteningHash('#/whitening?K=6&iters=4').settings.iters).toBe(6);
    const link = formatWhiteningHash({ settings: { ...DEFAULT_SETTINGS, iters: 4 }, sample: null });
    expect(link).toContain('K=4');
    expect(link).not.toContain('iters=');
  });
  it('formats eps compactly', () => {
    expect(formatWhiteningHash({ settings: DEFAULT_SETTINGS, sample: null })).toContain('eps=1e-5');
  });
});
