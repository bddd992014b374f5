// The whitening view's part of the URL hash: `#/whitening?sample=chelsea.png&k=3&eps=1e-5&K=15&stride=3&grey=1[&engine=backend]`,
// derived from the whitening settings table (core/whitenSettings.ts). Unknown keys and unreadable
// values are ignored (the defaults stay), so any hash is safe; `iters=` of older links is still read.
import { parseSettingsQuery, settingsPairs } from '../core/settingsTable';
import { defaultWhitenSettings, WHITENING_SETTINGS } from '../core/whitenSettings';
import type { WhitenSettings } from '../platform/whitenProtocol';

export interface WhiteningHashState {
  settings: WhitenSettings;
  sample: string | null;
}

const SAMPLE_NAME = /^[\w.-]{1,80}$/;

export function parseWhiteningHash(hash: string): WhiteningHashState {
  const match = /^#\/whitening\?(.*)$/.exec(hash);
  const query = match ? match[1] : '';
  const { values } = parseSettingsQuery(WHITENING_SETTINGS, query, { noticeUnknown: false });
  const sample = new URLSearchParams(query).get('sample');
  return { settings: values, sample: sample && SAMPLE_NAME.test(sample) ? sample : null };
}

function compactExponent(value: number): string {
  return value
    .toExponential()
    .replace(/\.?0+e/, 'e')
    .replace('e+', 'e');
}

export function formatWhiteningHash(state: WhiteningHashState): string {
  const params = new URLSearchParams();
  if (state.sample) params.set('sample', state.sample);
  const defaultEngine = defaultWhitenSettings().engine;
  const pairs = settingsPairs(WHITENING_SETTINGS, state.settings, (name) => name !== 'engine' || state.settings.engine !== defaultEngine);
  for (const [key, value] of pairs) params.set(key, key === 'eps' ? compactExponent(state.settings.eps) : value);
  return `#/whitening?${params.toString()}`;
}
