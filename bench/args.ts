// Command-line flags of `npm run bench`.
import { BENCH_GROUPS } from '../src/bench/groups';
import type { BenchBackend, BenchSuiteOptions } from '../src/bench/types';
import { NODE_BACKENDS, type NodeBenchBackend } from './nodeBackends';

export interface RunnerArgs {
  /** The browser's backends are `options.backends`. */
  options: BenchSuiteOptions;
  /** Node's backends (wasm, webgpu, cpu by default; the requested ones of those with --backends). */
  nodeBackends: NodeBenchBackend[];
  browser: boolean;
  node: boolean;
  /** Node groups: the WGSL kernel groups unless --groups or --full says otherwise. */
  nodeGroups: string[];
  bundle: boolean;
  paint: boolean;
  /** The Training tab's main thread while training (Play -> first point, long tasks). */
  responsiveness: boolean;
  /** Where the JSON goes (default bench/results/latest.json). */
  out?: string;
}

const BACKENDS: readonly BenchBackend[] = ['webgpu', 'webgl', 'cpu'];
const ACCEPTED: readonly string[] = [...BACKENDS, ...NODE_BACKENDS.filter((b) => !BACKENDS.includes(b as BenchBackend))];
const NODE_DEFAULT_GROUPS = ['isqrt_fused_vs_composed', 'covariance_fused_vs_im2col'];

function list(args: readonly string[], name: string): string[] | undefined {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg ? arg.slice(name.length + 3).split(',').filter(Boolean) : undefined;
}

export function parseArgs(args: readonly string[]): RunnerArgs {
  const known = /^--(full|no-node|no-browser|reps=\d+|backends=.+|groups=.+|out=.+)$/;
  const unknown = args.filter((a) => !known.test(a));
  if (unknown.length > 0) {
    throw new Error(`unknown flag(s): ${unknown.join(' ')} (use --backends=${ACCEPTED.join(',')} --groups=a,b --full --reps=N --no-node --no-browser --out=file.json)`);
  }
  const requested = list(args, 'backends');
  const badBackend = (requested ?? []).filter((b) => !ACCEPTED.includes(b));
  if (badBackend.length > 0) throw new Error(`unknown backend(s): ${badBackend.join(', ')} (expected ${ACCEPTED.join(', ')})`);
  const backends = (requested ?? [...BACKENDS]).filter((b): b is BenchBackend => BACKENDS.includes(b as BenchBackend));
  const nodeBackends = requested ? requested.filter((b): b is NodeBenchBackend => NODE_BACKENDS.includes(b as NodeBenchBackend)) : [...NODE_BACKENDS];
  const groups = list(args, 'groups');
  const ids = BENCH_GROUPS.map((g) => g.id);
  const badGroup = (groups ?? []).filter((g) => !ids.includes(g));
  if (badGroup.length > 0) throw new Error(`unknown group(s): ${badGroup.join(', ')} (known: ${ids.join(', ')})`);
  const full = args.includes('--full');
  const repsArg = args.find((a) => a.startsWith('--reps='));
  const suiteGroups = groups?.filter((g) => BENCH_GROUPS.find((b) => b.id === g)?.backends !== 'n/a');
  const options: BenchSuiteOptions = {
    backends,
    full,
    maxReps: repsArg ? Math.max(1, Number(repsArg.slice('--reps='.length))) : 3,
    budgetMsPerCase: full ? 600_000 : 8_000,
    ...(suiteGroups ? { groups: suiteGroups } : {}),
  };
  const wants = (id: string) => !groups || groups.includes(id);
  return {
    options,
    nodeBackends,
    browser: !args.includes('--no-browser') && backends.length > 0 && (suiteGroups === undefined || suiteGroups.length > 0),
    node: !args.includes('--no-node') && nodeBackends.length > 0 && (suiteGroups === undefined || suiteGroups.length > 0),
    nodeGroups: suiteGroups ?? (full ? ids.filter((id) => BENCH_GROUPS.find((b) => b.id === id)?.backends !== 'n/a') : NODE_DEFAULT_GROUPS),
    bundle: !args.includes('--no-browser') && (wants('bundle_initial_kb_gz') || wants('first_paint') || wants('training_responsiveness')),
    paint: !args.includes('--no-browser') && wants('first_paint'),
    responsiveness: !args.includes('--no-browser') && wants('training_responsiveness'),
    out: args.find((a) => a.startsWith('--out='))?.slice('--out='.length),
  };
}
