// A small flag parser for the CLI: `--name value`, `--name=value`, boolean `--name`, `--` ends flags.
// Every mistake becomes a one-line CliError.
import { CliError } from './cliError';

export type FlagKind = 'string' | 'number' | 'boolean';
export type FlagSpec = Readonly<Record<string, FlagKind>>;

export interface ParsedFlags {
  positional: string[];
  values: ReadonlyMap<string, string | true>;
}

export function parseFlags(args: readonly string[], spec: FlagSpec): ParsedFlags {
  const positional: string[] = [];
  const values = new Map<string, string | true>();
  const known = Object.keys(spec)
    .map((name) => `--${name}`)
    .join(', ');
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    if (arg === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      if (arg.startsWith('-') && arg.length > 1 && Number.isNaN(Number(arg)))
        throw new CliError(`unknown option ${arg} (flags are spelled --name; known: ${known})`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = spec[name];
    if (kind === undefined) throw new CliError(`unknown flag --${name} (known: ${known})`);
    if (values.has(name)) throw new CliError(`flag --${name} is given twice`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new CliError(`flag --${name} takes no value`);
      values.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i += 1;
    }
    if (value === undefined || value === '') throw new CliError(`flag --${name} needs a value`);
    values.set(name, value);
  }
  return { positional, values };
}

export function stringFlag(parsed: ParsedFlags, name: string): string | undefined {
  const value = parsed.values.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(parsed: ParsedFlags, name: string): boolean {
  return parsed.values.get(name) === true;
}

export interface NumberRule {
  fallback: number;
  integer?: boolean;
  min?: number;
  max?: number;
  /** Exclusive lower bound (e.g. eps > 0). */
  above?: number;
  odd?: boolean;
}

/** The flag's number, or `fallback` when absent; out-of-rule values raise a CliError naming the rule. */
export function numberFlag(parsed: ParsedFlags, name: string, rule: NumberRule): number {
  const raw = stringFlag(parsed, name);
  if (raw === undefined) return rule.fallback;
  const value = Number(raw);
  const wanted: string[] = [];
  if (rule.odd) wanted.push('odd');
  if (rule.integer || rule.odd) wanted.push('whole number');
  else wanted.push('number');
  if (rule.above !== undefined) wanted.push(`greater than ${rule.above}`);
  if (rule.min !== undefined && rule.max !== undefined) wanted.push(`from ${rule.min} to ${rule.max}`);
  else if (rule.min !== undefined) wanted.push(`of at least ${rule.min}`);
  else if (rule.max !== undefined) wanted.push(`of at most ${rule.max}`);
  const ok =
    raw.trim() !== '' &&
    Number.isFinite(value) &&
    (!(rule.integer || rule.odd) || Number.isInteger(value)) &&
    (!rule.odd || Math.abs(value % 2) === 1) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (!ok) throw new CliError(`--${name} must be an ${wanted.join(' ')}, got "${raw}"`.replace(/an (?=[^aeiou])/, 'a '));
  return value;
}

/** One of `choices`, or `fallback` when absent. */
export function choiceFlag<T extends string>(parsed: ParsedFlags, name: string, choices: readonly T[], fallback: T): T {
  const raw = stringFlag(parsed, name);
  if (raw === undefined) return fallback;
  const found = choices.find((c) => c === raw);
  if (found === undefined) throw new CliError(`--${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return found;
}
