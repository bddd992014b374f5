// Command-line flags of `npm run bench`.
import { BENCH_GROUPS } from '../src/bench/groups';
import type { BenchBackend, BenchSuiteOptions } from '../src/bench/types';
import { isNodeBackend, NODE_BACKENDS, type NodeBenchBackend } from './nodeBackends';

/** One suite run in Node: these backends, these groups. */
export interface NodeRun {
  backends: NodeBenchBackend[];
  groups: string[];
}

export interface RunnerArgs {
  /** The browser's run: every requested backend, in order. */
  options: BenchSuiteOptions;
  /**
   * Node's runs. By default Dawn webgpu measures the WGSL kernel groups and wasm + cpu the training
   * steps (one run, so `step_wasm_vs_other` compares them); with --groups or --full, one run of the
   * requested Node backends.
   */
  nodeRuns: NodeRun[];
  browser: boolean;
  node: boolean;
  bundle: boolean;
  paint: boolean;
  /** The Training tab's main thread while training (Play -> first point, long tasks). */
  responsiveness: boolean;
  /** Where the JSON goes (default bench/results/latest.json). */
  out?: string;
}

/** Every backend, in the order measured by default (the app's order of preference). */
const BACKENDS: readonly BenchBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const NODE_KERNEL_GROUPS = ['isqrt_fused_vs_composed', 'covariance_fused_vs_im2col'];
const NODE_STEP_GROUPS = ['deconv_step_vs_bn_step', 'step_wasm_vs_other'];

function list(args: readonly string[], name: string): string[] | undefined {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  return arg
    ? arg
        .slice(name.length + 3)
        .split(',')
        .filter(Boolean)
    : undefined;
}

function nodeRuns(requested: BenchBackend[] | undefined, suiteGroups: string[] | undefined, full: boolean, suiteIds: string[]): NodeRun[] {
  const inNode = requested ? requested.filter(isNodeBackend) : [...NODE_BACKENDS];
  const runs: NodeRun[] =
    suiteGroups || full
      ? [{ backends: inNode, groups: suiteGroups ?? suiteIds }]
      : [
          { backends: inNode.filter((b) => b === 'webgpu'), groups: NODE_KERNEL_GROUPS },
          { backends: inNode.filter((b) => b !== 'webgpu'), groups: NODE_STEP_GROUPS },
        ];
  return runs.filter((run) => run.backends.length > 0 && run.groups.length > 0);
}

export function parseArgs(args: readonly string[]): RunnerArgs {
  const known = /^--(full|no-node|no-browser|reps=\d+|backends=.+|groups=.+|out=.+)$/;
  const unknown = args.filter((a) => !known.test(a));
  if (unknown.length > 0) {
    throw new Error(
      `unknown flag(s): ${unknown.join(' ')} (use --backends=${BACKENDS.join(',')} --groups=a,b --full --reps=N --no-node --no-browser --out=file.json)`,
    );
  }
  const requested = list(args, 'backends');
  const badBackend = (requested ?? []).filter((b) => !(BACKENDS as readonly string[]).includes(b));
  if (badBackend.length > 0) throw new Error(`unknown backend(s): ${badBackend.join(', ')} (expected ${BACKENDS.join(', ')})`);
  const backends = (requested ?? [...BACKENDS]) as BenchBackend[];
  const groups = list(args, 'groups');
  const ids = BENCH_GROUPS.map((g) => g.id);
  const badGroup = (groups ?? []).filter((g) => !ids.includes(g));
  if (badGroup.length > 0) throw new Error(`unknown group(s): ${badGroup.join(', ')} (known: ${ids.join(', ')})`);
  const full = args.includes('--full');
  const repsArg = args.find((a) => a.startsWith('--reps='));
  const suiteIds = BENCH_GROUPS.filter((g) => g.backends !== 'n/a').map((g) => g.id);
  const suiteGroups = groups?.filter((g) => suiteIds.includes(g));
  const options: BenchSuiteOptions = {
    backends,
    full,
    maxReps: repsArg ? Math.max(1, Number(repsArg.slice('--reps='.length))) : 3,
    budgetMsPerCase: full ? 600_000 : 8_000,
    ...(suiteGroups ? { groups: suiteGroups } : {}),
  };
  const runs = nodeRuns(requested ? backends : undefined, suiteGroups, full, suiteIds);
  const wants = (id: string) => !groups || groups.includes(id);
  return {
    options,
    nodeRuns: runs,
    browser: !args.includes('--no-browser') && (suiteGroups === undefined || suiteGroups.length > 0),
    node: !args.includes('--no-node') && runs.length > 0,
    bundle: !args.includes('--no-browser') && (wants('bundle_initial_kb_gz') || wants('first_paint') || wants('training_responsiveness')),
    paint: !args.includes('--no-browser') && wants('first_paint'),
    responsiveness: !args.includes('--no-browser') && wants('training_responsiveness'),
    out: args.find((a) => a.startsWith('--out='))?.slice('--out='.length),
  };
}
