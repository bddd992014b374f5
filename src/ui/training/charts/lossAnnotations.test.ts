import { describe, expect, it } from 'vitest';
import { lossAnnotations, type LossSeries } from './lossAnnotations';

const steps = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const series = (norm: LossSeries['norm'], losses: number[]): LossSeries => ({ norm, steps: steps(losses.length), losses });
/** A smooth fall from `from` by `rate` per step. */
const falling = (n: number, from: number, rate: number) => steps(n).map((s) => from * Math.exp(-rate * (s - 1)));

describe('loss annotations', () => {
  it('finds nothing in empty, one-variant or all-NaN histories', () => {
    expect(lossAnnotations([])).toEqual([]);
    expect(lossAnnotations([series('deconv', falling(50, 2, 0.1))])).toEqual([]);
    expect(lossAnnotations([series('deconv', []), series('batchnorm', [])])).toEqual([]);
    const nan = Array.from({ length: 40 }, () => Number.NaN);
    expect(lossAnnotations([series('deconv', nan), series('batchnorm', nan)])).toEqual([]);
  });

  it('says who reaches loss 0.5 first, with both steps', () => {
    const fast = falling(80, 2, 0.05); // <= 0.5 from step 29
    const slow = falling(80, 2, 0.03); // <= 0.5 from step 48
    const found = lossAnnotations([series('deconv', fast), series('batchnorm', slow)]);
    const first = found.find((a) => a.kind === 'first-to-threshold');
    expect(first?.norm).toBe('deconv');
    expect(first?.text).toBe('deconvolution reaches loss 0.5 first (step 29 vs 48)');
    expect(first?.step).toBe(29);
    expect(first?.loss).toBe(0.5);
  });

  it('names batch norm when it gets there first, and waits until the other has run past', () => {
    const fast = falling(80, 2, 0.05);
    const slow = falling(80, 2, 0.03);
    expect(lossAnnotations([series('deconv', slow), series('batchnorm', fast)]).find((a) => a.kind === 'first-to-threshold')?.norm).toBe(
      'batchnorm',
    );
    // Batch norm has reached 0.5 at step 29, deconvolution is not there yet at step 40: settled.
    const early = lossAnnotations([series('deconv', slow.slice(0, 40)), series('batchnorm', fast.slice(0, 40))]).find(
      (a) => a.kind === 'first-to-threshold',
    );
    expect(early?.text).toBe('batch norm reaches loss 0.5 first (step 29; deconvolution not yet)');
    // Neither there yet: nothing to say.
    expect(
      lossAnnotations([series('deconv', slow.slice(0, 20)), series('batchnorm', fast.slice(0, 20))]).some(
        (a) => a.kind === 'first-to-threshold',
      ),
    ).toBe(false);
  });

  it('finds a spike of one variant while the other falls, and the biggest one', () => {
    const deconv = falling(40, 2.3, 0.04);
    const bn = falling(40, 2.3, 0.04).map((v) => v * 1.01);
    bn[9] = bn[8] * 1.3; // +30 % at step 10
    bn[20] = bn[19] * 1.5; // +50 % at step 21
    const spike = lossAnnotations([series('deconv', deconv), series('batchnorm', bn)]).find((a) => a.kind === 'spike');
    expect(spike?.norm).toBe('batchnorm');
    expect(spike?.step).toBe(21);
    expect(spike?.text).toBe("batch norm's loss spikes (+50 %) while deconvolution's falls");
  });

  it('ignores a rise below the threshold, and a rise of both', () => {
    const deconv = falling(30, 2, 0.04);
    const bn = falling(30, 2, 0.04).map((v) => v * 1.02);
    bn[10] = bn[9] * 1.05;
    expect(lossAnnotations([series('deconv', deconv), series('batchnorm', bn)]).some((a) => a.kind === 'spike')).toBe(false);
    const both = deconv.map((v, i) => (i === 10 ? v * 1.5 : v));
    const bnBoth = bn.map((v, i) => (i === 10 ? v * 1.5 : v));
    expect(lossAnnotations([series('deconv', both), series('batchnorm', bnBoth)]).some((a) => a.kind === 'spike')).toBe(false);
  });

  it('reports the latest lasting change of leader, not flicker or start-up noise', () => {
    // Deconvolution ahead until step 30, batch norm ahead after.
    const deconv = steps(60).map((s) => 2 - s * 0.02);
    const bn = steps(60).map((s) => 2.2 - s * 0.03 + (s === 3 ? -1 : 0));
    const cross = lossAnnotations([series('deconv', deconv), series('batchnorm', bn)]).find((a) => a.kind === 'cross');
    expect(cross?.norm).toBe('batchnorm');
    expect(cross?.step).toBe(21);
    expect(cross?.text).toBe('curves cross: batch norm leads from step 21');
    // A one-point swap is not a crossing.
    const flicker = steps(60).map((s) => (s === 40 ? 0.1 : 3 - s * 0.01));
    expect(lossAnnotations([series('deconv', deconv), series('batchnorm', flicker)]).some((a) => a.kind === 'cross')).toBe(false);
  });

  it('skips NaN points and aligns the variants by step', () => {
    const fast = falling(80, 2, 0.05);
    const slow = falling(80, 2, 0.03);
    fast[28] = Number.NaN; // step 29 is a gap: the first finite value <= 0.5 is at step 30
    // Batch norm has one more point (step 0) than deconvolution: points pair up by step, not by index.
    const shifted: LossSeries = { norm: 'batchnorm', steps: [0, ...steps(80)], losses: [2.1, ...slow] };
    const first = lossAnnotations([series('deconv', fast), shifted]).find((a) => a.kind === 'first-to-threshold');
    expect(first?.step).toBe(30);
    expect(first?.text).toBe('deconvolution reaches loss 0.5 first (step 30 vs 48)');
    const spikes = lossAnnotations([series('deconv', fast), shifted]).filter((a) => a.kind === 'spike');
    expect(spikes).toEqual([]);
  });

  it('compares deconvolution with batch norm when a third variant runs, at most one of each kind', () => {
    const found = lossAnnotations([
      series('none', falling(80, 2, 0.2)),
      series('deconv', falling(80, 2, 0.05)),
      series('batchnorm', falling(80, 2, 0.03)),
    ]);
    expect(found.find((a) => a.kind === 'first-to-threshold')?.norm).toBe('deconv');
    expect(found.length).toBeLessThanOrEqual(3);
    expect(new Set(found.map((a) => a.kind)).size).toBe(found.length);
  });
});
