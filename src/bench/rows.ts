// Building rows of the table: a ratio is always a / b of two values measured side by side in the
// same run on the same backend; a target, when there is one, decides `met`.
import type { BenchBackend, BenchRow, BenchValue } from './types';

export interface Target {
  text: string;
  met(ratio: number): boolean;
}

/** Ratio must be at least `min` (speed-ups: higher is better). */
export function atLeast(min: number): Target {
  return { text: `>= ${min}x`, met: (ratio) => ratio >= min };
}

/** Ratio must be at most `max` (costs: lower is better). */
export function atMost(max: number): Target {
  return { text: `<= ${max}x`, met: (ratio) => ratio <= max };
}

export interface ComparisonInput {
  group: string;
  label: string;
  backend: BenchBackend | 'n/a';
  /** Numerator of the ratio. */
  a: BenchValue;
  /** Denominator of the ratio. */
  b: BenchValue;
  ratioMeaning: string;
  target?: Target;
  reps: number;
  note?: string;
  /** Extra context values shown after a and b. */
  extra?: BenchValue[];
}

/** A row whose ratio is a.value / b.value; `met` only when a target is given and the ratio is finite. */
export function comparisonRow(input: ComparisonInput): BenchRow {
  const ratio = input.a.value / input.b.value;
  const row: BenchRow = {
    group: input.group,
    label: input.label,
    backend: input.backend,
    values: [input.a, input.b, ...(input.extra ?? [])],
    ratio,
    ratioMeaning: input.ratioMeaning,
    reps: input.reps,
  };
  if (input.target) {
    row.target = input.target.text;
    row.met = Number.isFinite(ratio) && input.target.met(ratio);
  }
  if (input.note) row.note = input.note;
  return row;
}

/** A row of context values without a ratio. */
export function valueRow(
  group: string,
  label: string,
  backend: BenchBackend | 'n/a',
  values: BenchValue[],
  reps: number,
  note?: string,
): BenchRow {
  return note ? { group, label, backend, values, reps, note } : { group, label, backend, values, reps };
}

export function ms(label: string, value: number): BenchValue {
  return { label, value, unit: 'ms' };
}

export function mb(label: string, bytes: number): BenchValue {
  return { label, value: bytes / (1024 * 1024), unit: 'MB' };
}

/** A case left out of this run, with the reason (no values, zero repetitions). */
export function skippedRow(group: string, label: string, backend: BenchBackend | 'n/a', reason: string): BenchRow {
  return { group, label, backend, values: [], reps: 0, note: reason };
}
