// A command's flags, `--help` lines and values, derived from a settings table (core/settingsTable.ts):
// every entry with a `cliFlag` becomes `--flag`, a number-map entry one `--flag-<key>` per key.
import { defaultsOf, mapRange, type Field, type NumberRange, type SettingsTable, type SettingValue } from '../core/settingsTable';
import { CliError } from './cliError';
import { booleanFlag, choiceFlag, numberFlag, stringFlag, type FlagKind, type NumberRule, type ParsedFlags } from './flags';

type Entry = [string, Field & { cliFlag: string }];

function cliEntries<P>(table: SettingsTable<P>, skip: readonly string[]): Entry[] {
  return (Object.entries(table) as [string, Field][]).filter(
    (entry): entry is Entry => entry[1].cliFlag !== undefined && !skip.includes(entry[0]),
  );
}

function flagNames(field: Field & { cliFlag: string }): string[] {
  const names = [field.cliFlag, ...(field.oldCliFlags ?? [])];
  return field.kind === 'number-map' ? names.flatMap((name) => field.keys.map((key) => `${name}-${key}`)) : names;
}

function kindOf(field: Field): FlagKind {
  if (field.kind === 'bool') return 'boolean';
  return field.kind === 'int' || field.kind === 'float' || field.kind === 'number-map' ? 'number' : 'string';
}

/** The flags of the table's settings (`skip`: settings the command reads itself). */
export function settingFlagSpec<P>(table: SettingsTable<P>, skip: readonly string[] = []): Record<string, FlagKind> {
  const spec: Record<string, FlagKind> = {};
  for (const [, field] of cliEntries(table, skip)) for (const name of flagNames(field)) spec[name] = kindOf(field);
  return spec;
}

function ruleOf(range: NumberRange, fallback: number): NumberRule {
  return {
    fallback,
    integer: range.kind === 'int',
    odd: range.odd,
    ...(range.minExclusive ? { above: range.min } : { min: range.min }),
    max: range.max,
  };
}

function rangeText(range: NumberRange): string {
  return range.minExclusive ? `>${range.min}, <=${range.max}` : `${range.min}..${range.max}`;
}

function usageOf(name: string, field: Field & { cliFlag: string }): string {
  const flag = `--${field.cliFlag}`;
  const unit = field.unit ? ` ${field.unit}` : '';
  switch (field.kind) {
    case 'int':
    case 'float':
      return `[${flag} ${field.kind === 'int' ? 'N' : 'X'}${unit} (${rangeText(field)}, default ${field.default})]`;
    case 'enum':
      return `[${flag} ${field.options.join('|')} (default ${field.default})]`;
    case 'list':
      return `[${flag} ${field.options.join(',')} (default ${field.default.join(',')})]`;
    case 'bool':
      return `[${flag}]`;
    case 'number-map':
      return `[${field.keys.map((key) => `${flag}-${key} X`).join(' ')} (${field.label}; default --${field.cliFlag})]`;
  }
  return name;
}

/** `--help` lines for the table's flags, wrapped at `width`; `overrides` replaces one setting's text. */
export function settingUsageLines<P>(
  table: SettingsTable<P>,
  overrides: Partial<Record<keyof P & string, string>> = {},
  width = 118,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const [name, field] of cliEntries(table, [])) {
    const text = overrides[name as keyof P & string] ?? usageOf(name, field);
    if (line !== '' && line.length + 1 + text.length > width) {
      lines.push(line);
      line = '';
    }
    line = line === '' ? `  ${text}` : `${line} ${text}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The flag actually given among a setting's current and old names (a CliError when both are). */
function givenName(parsed: ParsedFlags, names: string[]): string {
  const given = names.filter((name) => parsed.values.has(name));
  if (given.length > 1) throw new CliError(`--${given[0]} and --${given[1]} set the same thing: give one`);
  return given[0] ?? names[0];
}

function readList(parsed: ParsedFlags, flag: string, options: readonly string[], fallback: string[]): string[] {
  const raw = stringFlag(parsed, flag);
  if (raw === undefined) return [...fallback];
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items)
    if (!options.includes(item)) throw new CliError(`--${flag} takes a comma-separated list of ${options.join(', ')}, got "${item}"`);
  if (new Set(items).size !== items.length)
    throw new CliError(`--${flag} lists a ${flag === 'norm' ? 'variant' : 'value'} twice: "${raw}"`);
  return items;
}

function readEntry(parsed: ParsedFlags, field: Field & { cliFlag: string }, fallback: SettingValue): SettingValue {
  if (field.kind === 'number-map') {
    const out: Partial<Record<string, number>> = { ...(fallback as Partial<Record<string, number>>) };
    for (const key of field.keys) {
      const names = [field.cliFlag, ...(field.oldCliFlags ?? [])].map((name) => `${name}-${key}`);
      const name = givenName(parsed, names);
      if (parsed.values.has(name)) out[key] = numberFlag(parsed, name, ruleOf(mapRange(field), 0));
    }
    return out;
  }
  const name = givenName(parsed, flagNames(field));
  switch (field.kind) {
    case 'int':
    case 'float':
      return numberFlag(parsed, name, ruleOf(field, fallback as number));
    case 'enum':
      return choiceFlag(parsed, name, field.options, fallback as string);
    case 'list':
      return readList(parsed, name, field.options, fallback as string[]);
    case 'bool':
      return parsed.values.has(name) ? booleanFlag(parsed, name) : (fallback as boolean);
  }
}

/**
 * The table's values with every given flag applied (from `base`, default the table's defaults);
 * settings in `skip` are left to the command. Out-of-range values raise a one-line CliError.
 */
export function readSettingFlags<P>(
  table: SettingsTable<P>,
  parsed: ParsedFlags,
  options: { base?: P; skip?: readonly (keyof P & string)[] } = {},
): P {
  const values = { ...(options.base ?? defaultsOf(table)) } as Record<string, SettingValue>;
  for (const [name, field] of cliEntries(table, options.skip ?? [])) values[name] = readEntry(parsed, field, values[name]);
  return values as P;
}
