// A settings table: one entry per setting (default, range or options, URL key, CLI flag, label).
// The URL parser and serialiser, the defaults, the clamps and the CLI flags of each view are derived
// from its table by the functions here, so a setting is declared in exactly one place.

interface FieldText {
  label: string;
  /** Shown after the value, e.g. "steps". */
  unit?: string;
  /** One sentence for tooltips and `--help`. */
  help?: string;
  /** Key in the address (default: the setting's name). */
  urlKey?: string;
  /** Keys older links used; still read, never written. */
  oldUrlKeys?: readonly string[];
  /** `--flag` of the CLI command, when the CLI has this setting. */
  cliFlag?: string;
  /** Flags older scripts used; still accepted. */
  oldCliFlags?: readonly string[];
}

export interface NumberField extends FieldText {
  kind: 'int' | 'float';
  default: number;
  min: number;
  max: number;
  /** The value must be greater than `min`, not equal to it (a learning rate > 0). */
  minExclusive?: boolean;
  odd?: boolean;
}
export interface EnumField<T extends string> extends FieldText {
  kind: 'enum';
  default: T;
  options: readonly T[];
}
export interface ListField<T extends string> extends FieldText {
  kind: 'list';
  default: T[];
  options: readonly T[];
  /** 'reject': one unknown item rejects the list (default); 'drop': unknown items are dropped, each named. */
  unknownItems?: 'reject' | 'drop';
}
export interface BooleanField extends FieldText {
  kind: 'bool';
  default: boolean;
}
/**
 * An optional number per key, e.g. a learning rate per variant: URL keys `<urlKey>.<key>`, CLI flags
 * `--<cliFlag>-<key>`. A key left out means "not set" (the caller's fallback applies).
 */
export interface NumberMapField<K extends string> extends FieldText {
  kind: 'number-map';
  default: Partial<Record<K, number>>;
  keys: readonly K[];
  min: number;
  max: number;
  minExclusive?: boolean;
}

export type Field = NumberField | EnumField<string> | ListField<string> | BooleanField | NumberMapField<string>;
export type NumberRange = Pick<NumberField, 'kind' | 'min' | 'max' | 'minExclusive' | 'odd'>;

export type FieldFor<V> = [V] extends [boolean]
  ? BooleanField
  : [V] extends [number]
    ? NumberField
    : [V] extends [(infer E extends string)[]]
      ? ListField<E>
      : [V] extends [string]
        ? EnumField<V>
        : [V] extends [Partial<Record<infer K extends string, number>>]
          ? NumberMapField<K>
          : never;

export type SettingsTable<P> = { [K in keyof P]: FieldFor<P[K]> };

export type SettingValue = number | string | string[] | boolean | Partial<Record<string, number>>;

export function settingNames<P>(table: SettingsTable<P>): (keyof P & string)[] {
  return Object.keys(table) as (keyof P & string)[];
}

function fieldsOf<P>(table: SettingsTable<P>): [keyof P & string, Field][] {
  return settingNames(table).map((name) => [name, table[name] as unknown as Field]);
}

function copyValue(value: SettingValue): SettingValue {
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object') return { ...value };
  return value;
}

export function defaultsOf<P>(table: SettingsTable<P>): P {
  const out: Record<string, SettingValue> = {};
  for (const [name, field] of fieldsOf(table)) out[name] = copyValue(field.default);
  return out as P;
}

export function urlKeyOf(name: string, field: Field): string {
  return field.urlKey ?? name;
}

function shortValue(raw: string): string {
  return raw.length > 24 ? `${raw.slice(0, 24)}…` : raw;
}

export type Parsed<T> = { value: T } | { error: string };

/** Whether `value` is a valid number of `range` (finite, whole/odd when asked, inside the bounds). */
export function numberProblem(range: NumberRange, value: number, shown = String(value)): string | undefined {
  if (!Number.isFinite(value)) return `"${shortValue(shown)}" is not a number`;
  if ((range.kind === 'int' || range.odd) && !Number.isInteger(value)) return `${shortValue(shown)} is not a whole number`;
  if (range.odd && Math.abs(value % 2) !== 1) return `${shortValue(shown)} is not odd`;
  if (range.minExclusive ? value <= range.min : value < range.min) {
    return range.minExclusive
      ? `${shortValue(shown)} is not above ${range.min}`
      : `${shortValue(shown)} is outside ${range.min}..${range.max}`;
  }
  if (value > range.max) return `${shortValue(shown)} is outside ${range.min}..${range.max}`;
  return undefined;
}

export function parseNumber(range: NumberRange, raw: string): Parsed<number> {
  const trimmed = raw.trim();
  const value = trimmed === '' ? Number.NaN : Number(trimmed);
  const problem = numberProblem(range, value, raw);
  return problem ? { error: problem } : { value };
}

/** The nearest allowed value (for rates a caller may ask for out of range). */
export function clampNumber(range: NumberRange, value: number): number {
  const inside = Math.min(range.max, Math.max(range.min, Number.isFinite(value) ? value : range.min));
  return range.kind === 'int' ? Math.round(inside) : inside;
}

function parseList(field: ListField<string>, raw: string, notices: string[]): Parsed<string[]> {
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const unknown = items.filter((item) => !field.options.includes(item));
  if (unknown.length > 0 && field.unknownItems !== 'drop')
    return { error: `"${shortValue(unknown[0])}" is not one of ${field.options.join(', ')}` };
  if (unknown.length > 0)
    notices.push(
      `Ignored unknown ${field.label} in the address: ${unknown.map(shortValue).join(', ')} (known: ${field.options.join(', ')}).`,
    );
  const known = items.filter((item, index) => field.options.includes(item) && items.indexOf(item) === index);
  // Every item dropped: the notice above already says so (an empty error adds none).
  if (known.length === 0) return { error: unknown.length > 0 ? '' : 'at least one is needed' };
  // The user's order, without duplicates.
  return { value: known };
}

/** One raw value read for `field` (not a number-map: those are read per key with parseNumber). */
export function parseValue(field: Exclude<Field, NumberMapField<string>>, raw: string, notices: string[] = []): Parsed<SettingValue> {
  switch (field.kind) {
    case 'int':
    case 'float':
      return parseNumber(field, raw);
    case 'enum':
      return field.options.includes(raw) ? { value: raw } : { error: `"${shortValue(raw)}" is not one of ${field.options.join(', ')}` };
    case 'list':
      return parseList(field, raw, notices);
    case 'bool':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { error: `"${shortValue(raw)}" is not 1 or 0` };
  }
}

export function formatValue(value: SettingValue): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([key, v]) => `${key} ${v}`)
      .join(', ');
  return String(value);
}

/** Equality of two values of one setting (lists in order, maps by their set keys). */
export function sameValue(a: SettingValue | undefined, b: SettingValue | undefined): boolean {
  if (typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => a[key] === b[key]);
  }
  return formatValue(a ?? '') === formatValue(b ?? '');
}

/** The range of each number of a number-map. */
export function mapRange(field: NumberMapField<string>): NumberRange {
  return { kind: 'float', min: field.min, max: field.max, minExclusive: field.minExclusive };
}

interface UrlSlot {
  name: string;
  field: Field;
  /** For number-map fields: which key this URL key sets. */
  mapKey?: string;
}

function urlSlots<P>(table: SettingsTable<P>): Map<string, UrlSlot> {
  const slots = new Map<string, UrlSlot>();
  for (const [name, field] of fieldsOf(table)) {
    const keys = [urlKeyOf(name, field), ...(field.oldUrlKeys ?? [])];
    for (const key of keys) {
      if (field.kind === 'number-map') for (const mapKey of field.keys) slots.set(`${key}.${mapKey}`, { name, field, mapKey });
      else slots.set(key, { name, field });
    }
  }
  return slots;
}

export interface ParseOptions {
  /** Start from these values instead of the defaults. */
  base?: Record<string, SettingValue>;
  /** Say so for every key the table does not know (default true). */
  noticeUnknown?: boolean;
}

export interface ParsedSettings<P> {
  values: P;
  /** The settings the query set (by name). */
  given: Set<keyof P & string>;
  notices: string[];
}

/**
 * Reads a query string (no leading "?"): every known key, current or old; anything unreadable
 * keeps its default and produces a notice. The first occurrence of a setting wins. Never throws.
 */
export function parseSettingsQuery<P>(table: SettingsTable<P>, query: string, options: ParseOptions = {}): ParsedSettings<P> {
  const values = (options.base ? { ...options.base } : defaultsOf(table)) as Record<string, SettingValue>;
  const notices: string[] = [];
  const given = new Set<keyof P & string>();
  const slots = urlSlots(table);
  const seen = new Set<string>();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(query);
  } catch {
    return { values: values as P, given, notices: ['The settings could not be read: using the defaults.'] };
  }
  for (const [key, raw] of params) {
    const slot = slots.get(key);
    if (!slot) {
      if (options.noticeUnknown !== false) notices.push(`Unknown setting "${shortValue(key)}" ignored.`);
      continue;
    }
    const seenAs = slot.mapKey ? `${slot.name}.${slot.mapKey}` : slot.name;
    if (seen.has(seenAs)) continue;
    seen.add(seenAs);
    const { field } = slot;
    if (field.kind === 'number-map') {
      const parsed = parseNumber(mapRange(field), raw);
      const label = `${field.label} (${slot.mapKey})`;
      if ('error' in parsed) notices.push(`${label}: ${parsed.error}; not set.`);
      else {
        values[slot.name] = { ...(values[slot.name] as Record<string, number>), [slot.mapKey as string]: parsed.value };
        given.add(slot.name as keyof P & string);
      }
      continue;
    }
    const parsed = parseValue(field, raw, notices);
    if ('error' in parsed) {
      if (parsed.error !== '') notices.push(`${field.label}: ${parsed.error}; using ${formatValue(field.default)}.`);
    } else {
      values[slot.name] = parsed.value;
      given.add(slot.name as keyof P & string);
    }
  }
  return { values: values as P, given, notices };
}

/** `[key, value]` pairs in table order (number-maps: one pair per key that is set). */
export function settingsPairs<P>(table: SettingsTable<P>, values: P, only?: (name: keyof P & string) => boolean): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, field] of fieldsOf(table)) {
    if (only && !only(name)) continue;
    const value = (values as Record<string, SettingValue>)[name];
    if (field.kind === 'number-map') {
      const map = value as Partial<Record<string, number>>;
      for (const key of field.keys) if (map[key] !== undefined) pairs.push([`${urlKeyOf(name, field)}.${key}`, String(map[key])]);
    } else pairs.push([urlKeyOf(name, field), formatValue(value)]);
  }
  return pairs;
}

/** The query string for `values`, every setting in table order (`only` limits which). */
export function serialiseSettings<P>(table: SettingsTable<P>, values: P, only?: (name: keyof P & string) => boolean): string {
  return settingsPairs(table, values, only)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
