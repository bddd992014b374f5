// URL hash <-> TrainingParams, derived from TRAINING_SCHEMA. Anything unreadable falls back to
// its default and produces a notice; the parser never throws.
import { parseSettingsQuery, serialiseSettings, type SettingValue } from '../core/settingsTable';
import { PRESETS, findPreset, presetParams } from './presets';
import { TRAINING_SCHEMA, defaultParams, type TrainingParams } from './urlHashSchema';

export const TRAINING_ROUTE = '#/training';
/** Longer query strings are ignored whole: nobody types them, and parsing them costs time. */
export const MAX_QUERY_LENGTH = 2000;

export interface ParsedHash {
  params: TrainingParams;
  notices: string[];
}

/** The key that names a training preset in a link: its settings, then the link's other keys on top. */
export const PRESET_KEY = 'preset';

/**
 * Parses a query string such as "model=mlp&lr=0.1&lr.deconv=0.03" or "preset=one-epoch&seed=2"
 * (no leading "?").
 */
export function parseQuery(query: string): ParsedHash {
  if (query.length > MAX_QUERY_LENGTH) {
    return { params: defaultParams(), notices: [`The link's settings are too long (${query.length} characters): using the defaults.`] };
  }
  const preset = presetOfQuery(query);
  const { values, notices } = parseSettingsQuery(TRAINING_SCHEMA, preset.rest, { base: preset.base });
  return { params: values, notices: [...preset.notices, ...notices] };
}

/** The preset a query names (as the base to parse the rest on), and the query without it. */
function presetOfQuery(query: string): { base?: Record<string, SettingValue>; rest: string; notices: string[] } {
  let search: URLSearchParams;
  try {
    search = new URLSearchParams(query);
  } catch {
    return { rest: query, notices: [] };
  }
  const id = search.get(PRESET_KEY);
  if (id === null) return { rest: query, notices: [] };
  search.delete(PRESET_KEY);
  const rest = search.toString();
  const preset = findPreset(id);
  if (preset?.kind !== 'training') {
    const known = PRESETS.filter((p) => p.kind === 'training').map((p) => p.id);
    return { rest, notices: [`Unknown training preset "${id.slice(0, 40)}" ignored (presets: ${known.join(', ')}).`] };
  }
  return { base: presetParams(preset) as unknown as Record<string, SettingValue>, rest, notices: [] };
}

/** Every key in table order, so a copied link still reproduces the run if defaults change. */
export function serialiseQuery(params: TrainingParams): string {
  return serialiseSettings(TRAINING_SCHEMA, params);
}

/**
 * The part of a location hash after "#/training?" (empty when there is none), or null when the
 * hash belongs to another view.
 */
export function trainingQueryOf(hash: string): string | null {
  if (!hash.startsWith(TRAINING_ROUTE)) return null;
  const rest = hash.slice(TRAINING_ROUTE.length);
  if (rest === '' || rest === '/') return '';
  if (rest.startsWith('?')) return rest.slice(1);
  if (rest.startsWith('/?')) return rest.slice(2);
  return null;
}

export function trainingHash(params: TrainingParams): string {
  return `${TRAINING_ROUTE}?${serialiseQuery(params)}`;
}
