// What a group of cases gets from the suite: the backend it runs on, the options, and a progress line.
import type { BenchBackend, BenchRow, BenchSuiteOptions } from './types';

export interface CaseContext {
  backend: BenchBackend;
  options: BenchSuiteOptions;
  progress(text: string): void;
}

/**
 * A group yields its rows one case at a time; the suite checks for cancellation between yields
 * (stopping the generator runs its `finally` blocks, which dispose the tensors).
 */
export type GroupRunner = (ctx: CaseContext) => AsyncGenerator<BenchRow, void, undefined>;
