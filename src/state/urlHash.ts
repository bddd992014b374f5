// URL hash <-> TrainingParams, derived from TRAINING_SCHEMA. Anything unreadable falls back to
// its default and produces a notice; the parser never throws.
import { parseSettingsQuery, serialiseSettings } from '../core/settingsTable';
import { TRAINING_SCHEMA, defaultParams, type TrainingParams } from './urlHashSchema';

export const TRAINING_ROUTE = '#/training';
/** Longer query strings are ignored whole: nobody types them, and parsing them costs time. */
export const MAX_QUERY_LENGTH = 2000;

export interface ParsedHash {
  params: TrainingParams;
  notices: string[];
}

/** Parses a query string such as "model=mlp&lr=0.1&lr.deconv=0.03" (no leading "?"). */
export function parseQuery(query: string): ParsedHash {
  if (query.length > MAX_QUERY_LENGTH) {
    return { params: defaultParams(), notices: [`The link's settings are too long (${query.length} characters): using the defaults.`] };
  }
  const { values, notices } = parseSettingsQuery(TRAINING_SCHEMA, query);
  return { params: values, notices };
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
