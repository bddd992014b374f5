// The whitening view's part of the URL hash: `#/whitening?sample=chelsea.png&k=3&eps=1e-5&K=15&stride=3&grey=0[&engine=backend]`.
// Unknown keys and out-of-range values are ignored (the defaults stay), so any hash is safe.
import { DEFAULT_SETTINGS, type WhitenSettings } from '../platform/whitenProtocol';

export interface WhiteningHashState {
  settings: WhitenSettings;
  sample: string | null;
}

function numberIn(value: string | null, lo: number, hi: number, integer: boolean): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n))) return undefined;
  return n;
}

export function parseWhiteningHash(hash: string): WhiteningHashState {
  const match = /^#\/whitening\?(.*)$/.exec(hash);
  const params = new URLSearchParams(match ? match[1] : '');
  const kernel = numberIn(params.get('k'), 1, 9, true);
  const eps = numberIn(params.get('eps'), 1e-8, 1e-1, false);
  const iters = numberIn(params.get('K'), 1, 30, true);
  const stride = numberIn(params.get('stride'), 1, 8, true);
  const grey = params.get('grey');
  const engine = params.get('engine');
  const sample = params.get('sample');
  return {
    settings: {
      kernel: kernel !== undefined && kernel % 2 === 1 ? kernel : DEFAULT_SETTINGS.kernel,
      eps: eps ?? DEFAULT_SETTINGS.eps,
      iters: iters ?? DEFAULT_SETTINGS.iters,
      samplingStride: stride ?? DEFAULT_SETTINGS.samplingStride,
      grey: grey === '1' ? true : grey === '0' ? false : DEFAULT_SETTINGS.grey,
      engine: engine === 'direct' || engine === 'backend' ? engine : DEFAULT_SETTINGS.engine,
    },
    sample: sample && /^[\w.-]{1,80}$/.test(sample) ? sample : null,
  };
}

export function formatWhiteningHash(state: WhiteningHashState): string {
  const { kernel, eps, iters, samplingStride, grey, engine } = state.settings;
  const params = new URLSearchParams();
  if (state.sample) params.set('sample', state.sample);
  params.set('k', String(kernel));
  params.set('eps', eps.toExponential().replace(/\.?0+e/, 'e').replace('e+', 'e'));
  params.set('K', String(iters));
  params.set('stride', String(samplingStride));
  params.set('grey', grey ? '1' : '0');
  if (engine !== DEFAULT_SETTINGS.engine) params.set('engine', engine);
  return `#/whitening?${params.toString()}`;
}
