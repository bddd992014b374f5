import { describe, expect, it } from 'vitest';
import { indicatorText } from './indicatorText';

describe('the backend indicator text', () => {
  it('says honestly that the benchmark chooses its backends when it runs', () => {
    expect(indicatorText(null, null, 'benchmark')).toMatchObject({ label: 'chosen when you run', kind: 'idle' });
  });

  it('says "starting…" on the views that start a backend at once', () => {
    expect(indicatorText(null, null, 'whitening').label).toBe('starting…');
    expect(indicatorText(null, null, 'training').label).toBe('starting…');
  });

  it('names the running backend on every tab, and a failure first', () => {
    const wasm = { name: 'wasm' as const, reason: 'fastest here', fellBack: false };
    expect(indicatorText(wasm, null, 'benchmark')).toEqual({ label: 'WASM', reason: 'fastest here', kind: 'ok' });
    expect(indicatorText(wasm, 'no backend', 'training')).toMatchObject({ label: 'none', kind: 'error' });
  });
});
