// Command-line flags of `npm run reproduce` (pure: argv in, options out).
import { ABLATIONS, PLAIN } from './ablations';
import { CNN_ABLATIONS } from './cnnAblations';
import {
  CIFAR_MODELS,
  DATASETS,
  DEFAULT_DATASETS,
  DEFAULT_MODELS,
  isCifarModel,
  MODELS,
  type ReproDataset,
  type ReproModel,
} from './types';

export interface ReproOptions {
  models: ReproModel[];
  datasets: ReproDataset[];
  lrs: number[];
  seeds: number[];
  epochs: number[];
  /** Ablations to run (deconvolution only; mlp, or simple-cnn for cnn-*; on MNIST unless --datasets) instead of the protocol grid. */
  ablations: string[];
  tag: string;
  out: string | undefined;
  backend: string;
  reportOnly: boolean;
  /** Run again even when a finished result exists. */
  rerun: boolean;
  /** Smoothed training loss the "steps to loss" column counts to. */
  targetLoss: number;
  /** CIFAR-10 (cifar-10-binary.tar.gz, a batch file or a folder): adds cifar10 with vgg-mini and resnet-mini. */
  cifarPath: string | undefined;
}

export const DEFAULT_LRS = [0.01, 0.03, 0.1, 0.3];
export const DEFAULT_SEEDS = 5;

function value(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const v = argv[at + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
  return v;
}

const list = (argv: string[], flag: string): string[] | undefined => value(argv, flag)?.split(',').filter(Boolean);

function numbers(argv: string[], flag: string, fallback: number[], positive: boolean): number[] {
  const raw = list(argv, flag);
  if (!raw) return fallback;
  return raw.map((s) => {
    const n = Number(s);
    if (!Number.isFinite(n) || (positive && n <= 0)) throw new Error(`${flag}: "${s}" is not a positive number`);
    return n;
  });
}

function oneOf<T extends string>(values: string[] | undefined, allowed: readonly T[], what: string, defaults: readonly T[] = allowed): T[] {
  if (!values) return [...defaults];
  return values.map((v) => {
    const found = allowed.find((a) => a === v);
    if (!found) throw new Error(`unknown ${what} "${v}" (expected ${allowed.join(', ')})`);
    return found;
  });
}

/** `--seeds 3` means seeds 1, 2, 3; `--seeds 4,5` means exactly those. */
export function parseSeeds(raw: string | undefined): number[] {
  if (raw === undefined) return Array.from({ length: DEFAULT_SEEDS }, (_, i) => i + 1);
  const parts = raw.split(',').filter(Boolean).map(Number);
  if (parts.length === 0 || parts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--seeds: expected a count or a list of whole numbers >= 1, got "${raw}"`);
  return parts.length === 1 && !raw.includes(',') ? Array.from({ length: parts[0] }, (_, i) => i + 1) : parts;
}

export function parseArgs(argv: string[]): ReproOptions {
  const ablations = list(argv, '--ablations') ?? [];
  const known = [...ABLATIONS.map((a) => a.name), PLAIN, ...CNN_ABLATIONS.map((a) => a.name)];
  for (const a of ablations) if (!known.includes(a)) throw new Error(`unknown ablation "${a}" (expected ${known.join(', ')})`);
  const epochs = numbers(argv, '--epochs', [1], true);
  if (epochs.some((e) => !Number.isInteger(e))) throw new Error('--epochs: whole numbers only');
  const cifarPath = argv.includes('--cifar') ? value(argv, '--cifar') : undefined;
  const models = oneOf(list(argv, '--models'), MODELS, 'model', cifarPath ? [...DEFAULT_MODELS, ...CIFAR_MODELS] : DEFAULT_MODELS);
  // Ablations were defined on MNIST: they run there unless --datasets says otherwise.
  const defaultDatasets = ablations.length > 0 ? (['mnist'] as const) : cifarPath ? DATASETS : DEFAULT_DATASETS;
  const datasets = oneOf(list(argv, '--datasets'), DATASETS, 'dataset', defaultDatasets);
  if (!cifarPath) {
    const cifarModel = models.find(isCifarModel);
    if (cifarModel) throw new Error(`model "${cifarModel}" trains on CIFAR-10: give its path with --cifar <path>`);
    if (datasets.includes('cifar10')) throw new Error('dataset "cifar10" needs its path: --cifar <path>');
  }
  return {
    models,
    datasets,
    lrs: numbers(argv, '--lrs', DEFAULT_LRS, true),
    seeds: parseSeeds(value(argv, '--seeds')),
    epochs,
    ablations,
    tag: value(argv, '--tag') ?? 'runs',
    out: value(argv, '--out'),
    backend: value(argv, '--backend') ?? 'wasm',
    reportOnly: argv.includes('--report-only'),
    rerun: argv.includes('--rerun'),
    targetLoss: numbers(argv, '--target-loss', [0.5], true)[0],
    cifarPath,
  };
}
