import { describe, expect, it } from 'vitest';
import { addressSearchFor, applyAddressBackend, forcedBackend } from './trainingConfig';
import { parseQuery } from './urlHash';
import { defaultParams } from './urlHashSchema';

describe('?backend= in the address and backend= in the Training hash agree', () => {
  it('accepts wasm in the hash and forces it', () => {
    const { params, notices } = parseQuery('backend=wasm');
    expect(notices).toEqual([]);
    expect(params.backend).toBe('wasm');
    expect(forcedBackend(params)).toBe('wasm');
    expect(forcedBackend(defaultParams())).toBeUndefined();
  });

  it("replaces the hash's auto with the address's backend, silently", () => {
    const result = applyAddressBackend(defaultParams(), '?backend=wasm');
    expect(result.params.backend).toBe('wasm');
    expect(result.notice).toBeUndefined();
  });

  it('wins over another explicit backend in the hash, with a notice', () => {
    const result = applyAddressBackend({ ...defaultParams(), backend: 'webgl' }, '?backend=cpu');
    expect(result.params.backend).toBe('cpu');
    expect(result.notice).toContain('?backend=cpu in the address overrides backend=webgl');
  });

  it('leaves the hash alone without a valid ?backend=', () => {
    const params = { ...defaultParams(), backend: 'webgl' as const };
    expect(applyAddressBackend(params, '').params).toBe(params);
    expect(applyAddressBackend(params, '?backend=quantum').params).toBe(params);
    expect(applyAddressBackend(params, '?backend=webgl').params).toBe(params);
  });

  it('makes an address with ?backend= follow the Training setting', () => {
    expect(addressSearchFor('?backend=wasm', 'cpu')).toBe('?backend=cpu');
    expect(addressSearchFor('?backend=wasm&fake-trainer', 'auto')).toBe('?fake-trainer=');
    expect(addressSearchFor('?backend=wasm', 'auto')).toBe('');
    expect(addressSearchFor('?backend=wasm', 'wasm')).toBeNull();
  });

  it('does not add ?backend= to an address that had none', () => {
    expect(addressSearchFor('', 'wasm')).toBeNull();
    expect(addressSearchFor('?fake-trainer', 'cpu')).toBeNull();
  });
});
