// URL hash <-> TrainingParams, derived from TRAINING_SCHEMA. Anything unreadable falls back to
// its default and produces a notice; the parser never throws.
import {
  PARAM_KEYS,
  TRAINING_SCHEMA,
  defaultParams,
  type EnumField,
  type ListField,
  type NumberField,
  type TrainingParams,
} from './urlHashSchema';

export const TRAINING_ROUTE = '#/training';
/** Longer query strings are ignored whole: nobody types them, and parsing them costs time. */
export const MAX_QUERY_LENGTH = 2000;

export interface ParsedHash {
  params: TrainingParams;
  notices: string[];
}

function shortValue(raw: string): string {
  return raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
}

function parseNumber(field: NumberField, raw: string): number | string {
  const trimmed = raw.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(value)) return `"${shortValue(raw)}" is not a number`;
  if (field.kind === 'int' && !Number.isInteger(value)) return `${shortValue(raw)} is not a whole number`;
  if (value < field.min || value > field.max) return `${shortValue(raw)} is outside ${field.min}..${field.max}`;
  return value;
}

function parseEnum(field: EnumField<string>, raw: string): string | { error: string } {
  return field.options.includes(raw) ? raw : { error: `"${shortValue(raw)}" is not one of ${field.options.join(', ')}` };
}

function parseList(field: ListField<string>, raw: string): string[] | { error: string } {
  const items = raw.split(',').filter((item) => item !== '');
  const unknown = items.filter((item) => !field.options.includes(item));
  if (unknown.length > 0) return { error: `"${shortValue(unknown[0])}" is not one of ${field.options.join(', ')}` };
  const unique = field.options.filter((option) => items.includes(option));
  if (unique.length === 0) return { error: 'at least one is needed' };
  // Keep the user's order, without duplicates.
  return items.filter((item, index) => items.indexOf(item) === index);
}

function isParamKey(key: string): key is keyof TrainingParams {
  return Object.prototype.hasOwnProperty.call(TRAINING_SCHEMA, key);
}

/** Parses a query string such as "model=mlp&lr=0.1" (no leading "?"). */
export function parseQuery(query: string): ParsedHash {
  const params = defaultParams() as unknown as Record<string, unknown>;
  const notices: string[] = [];
  if (query.length > MAX_QUERY_LENGTH) {
    notices.push(`The link's settings are too long (${query.length} characters): using the defaults.`);
    return { params: params as unknown as TrainingParams, notices };
  }
  const search = new URLSearchParams(query);
  const seen = new Set<string>();
  for (const [key, raw] of search) {
    if (!isParamKey(key)) {
      notices.push(`Unknown setting "${shortValue(key)}" ignored.`);
      continue;
    }
    if (seen.has(key)) continue;
    seen.add(key);
    const field = TRAINING_SCHEMA[key];
    let parsed: unknown;
    if (field.kind === 'int' || field.kind === 'float') {
      const value = parseNumber(field, raw);
      parsed = typeof value === 'number' ? value : { error: value };
    } else if (field.kind === 'enum') {
      parsed = parseEnum(field as EnumField<string>, raw);
    } else {
      parsed = parseList(field as ListField<string>, raw);
    }
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed) {
      notices.push(`${field.label}: ${(parsed as { error: string }).error}; using ${formatValue(field.default)}.`);
    } else {
      params[key] = parsed;
    }
  }
  return { params: params as unknown as TrainingParams, notices };
}

function formatValue(value: number | string | string[]): string {
  return Array.isArray(value) ? value.join(',') : String(value);
}

/** Every key in schema order, so a copied link still reproduces the run if defaults change. */
export function serialiseQuery(params: TrainingParams): string {
  return PARAM_KEYS.map((key) => `${key}=${encodeURIComponent(formatValue(params[key]))}`).join('&');
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
