import { describe, expect, it } from 'vitest';
import { costReadoutLine, costText, stepText } from './costReadout';

describe('cost read-out', () => {
  it('shows ms per step, the overhead ratio and the backend', () => {
    expect(
      costText(
        [
          { norm: 'deconv', msPerStep: 14.2 },
          { norm: 'batchnorm', msPerStep: 11 },
        ],
        { name: 'webgpu' },
      ),
    ).toBe('deconv 14.2 ms, BN 11.0 ms (x1.29) on WebGPU');
  });

  it('compares with no normalisation when batch norm is not trained', () => {
    expect(
      costText([
        { norm: 'deconv', msPerStep: 20 },
        { norm: 'none', msPerStep: 10 },
      ]),
    ).toBe('deconv 20.0 ms, none 10.0 ms (x2.00)');
  });

  it('waits for measurements', () => {
    expect(costText([{ norm: 'deconv', msPerStep: 0 }])).toMatch(/after the first steps/);
  });

  it('says its label once, before and after the first measurements', () => {
    expect(costReadoutLine([{ norm: 'deconv', msPerStep: 0 }])).toBe('ms/step: measured after the first steps');
    expect(
      costReadoutLine([
        { norm: 'deconv', msPerStep: 20 },
        { norm: 'none', msPerStep: 10 },
      ]),
    ).toBe('ms/step: deconv 20.0 ms, none 10.0 ms (x2.00)');
  });

  it('reports step and epoch', () => {
    expect(stepText(412, 938, 938)).toBe('step 412 / 938 · epoch 0.44');
    expect(stepText(3, 0, 0)).toBe('step 3');
  });
});
