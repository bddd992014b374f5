import { describe, expect, it } from 'vitest';
import { backendStartText, buildText, compileText, dataText, warmupText } from './startupText';

describe('start-up texts', () => {
  it('name the backend that starts, or say the choice is automatic', () => {
    expect(backendStartText('wasm')).toBe('starting the WASM backend');
    expect(backendStartText(undefined)).toBe('choosing the fastest backend for this device');
  });

  it('name the dataset, the variants and the backend of each phase', () => {
    expect(dataText('fashion-mnist')).toBe('loading Fashion-MNIST');
    expect(buildText(['deconv', 'batchnorm'])).toBe('building the models (deconvolution, batch norm)');
    expect(compileText()).toBe('compiling kernels');
    expect(warmupText('wasm', false)).toBe('warming up on WASM: the first step');
    expect(warmupText('webgl', false)).toBe('warming up on WebGL: compiling kernels in the first step');
  });
});
