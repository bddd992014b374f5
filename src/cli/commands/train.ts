// `npm run cli -- train`: deconvolution vs batch norm (vs none) in lock-step, headless, with a
// progress bar on stderr and an optional JSON record of the run. Ctrl+C / SIGTERM stops after the
// current step and still writes the record (`"complete": false`); a second Ctrl+C ends it at once.
import { writeFile } from 'node:fs/promises';
import type { Dataset } from '../../data/dataset';
import { readCifarPath, readDatasetFile } from '../../data/loadNode';
import { MODEL_NAMES } from '../../nn/createModel';
import { DEFAULT_TRAIN_CONFIG } from '../../train/defaults';
import { runHeadless } from '../../train/headless';
import type { NormKind, TrainConfig } from '../../train/protocol';
import { CliError } from '../cliError';
import { booleanFlag, choiceFlag, numberFlag, parseFlags, stringFlag } from '../flags';
import { BACKEND_USAGE, DEFAULT_NODE_BACKEND, describeNodeBackend, initNodeBackend, NODE_BACKENDS, registerNodeGradients } from '../nodeBackend';
import { StopSignal } from '../stopSignal';

const SPEC = {
  dataset: 'string',
  model: 'string',
  norm: 'string',
  epochs: 'number',
  batch: 'number',
  lr: 'number',
  seed: 'number',
  optimizer: 'string',
  schedule: 'string',
  momentum: 'number',
  'weight-decay': 'number',
  'eval-every': 'number',
  'eval-size': 'number',
  block: 'number',
  iters: 'number',
  eps: 'number',
  'sampling-stride': 'number',
  backend: 'string',
  json: 'string',
  help: 'boolean',
} as const;

export const TRAIN_USAGE = [
  'usage: train [--dataset mnist|fashion-mnist|cifar10:<path>] [--model mlp|simple-cnn|vgg-mini|resnet-mini] [--norm deconv,batchnorm,none]',
  '  [--epochs N] [--batch N] [--lr X] [--seed N] [--optimizer sgd|adam] [--schedule cosine|constant] [--momentum X] [--weight-decay X]',
  '  [--eval-every N] [--eval-size N] [--block N] [--iters N] [--eps X] [--sampling-stride N]',
  `  [${BACKEND_USAGE}] [--json run.json]`,
  'Ctrl+C (or SIGTERM) stops after the current step and still writes --json with "complete": false; press it twice to quit at once.',
].join('\n');

const NORMS: readonly NormKind[] = ['deconv', 'batchnorm', 'none'];

function parseNorms(raw: string | undefined): NormKind[] {
  if (raw === undefined) return ['deconv', 'batchnorm'];
  const norms = raw.split(',').map((s) => s.trim());
  for (const n of norms) if (!NORMS.includes(n as NormKind)) throw new CliError(`--norm takes a comma-separated list of ${NORMS.join(', ')}, got "${n}"`);
  if (new Set(norms).size !== norms.length) throw new CliError(`--norm lists a variant twice: "${raw}"`);
  return norms as NormKind[];
}

async function loadDataset(raw: string): Promise<Dataset> {
  if (raw === 'mnist' || raw === 'fashion-mnist') return readDatasetFile(raw);
  if (raw.startsWith('cifar10:')) {
    const path = raw.slice('cifar10:'.length);
    if (!path) throw new CliError('--dataset cifar10:<path> needs a path to cifar-10-binary.tar.gz, a batch file or a folder');
    try {
      return await readCifarPath(path);
    } catch (error) {
      throw new CliError(error instanceof Error ? error.message : String(error));
    }
  }
  throw new CliError(`--dataset must be mnist, fashion-mnist or cifar10:<path>, got "${raw}"`);
}

function progressBar(step: number, total: number, width = 30): string {
  const filled = Math.round((step / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${step}/${total}`;
}

export async function run(args: string[]): Promise<void> {
  const flags = parseFlags(args, SPEC);
  if (booleanFlag(flags, 'help')) {
    process.stdout.write(`${TRAIN_USAGE}\n`);
    return;
  }
  if (flags.positional.length > 0) throw new CliError(`unexpected argument "${flags.positional[0]}" (train takes only flags)`);
  const d = DEFAULT_TRAIN_CONFIG;
  const datasetFlag = stringFlag(flags, 'dataset') ?? 'mnist';
  const config: TrainConfig = {
    ...d,
    dataset: datasetFlag.startsWith('cifar10') ? 'cifar10' : (datasetFlag as TrainConfig['dataset']),
    model: choiceFlag(flags, 'model', MODEL_NAMES, 'mlp'),
    norms: parseNorms(stringFlag(flags, 'norm')),
    epochs: numberFlag(flags, 'epochs', { fallback: 1, integer: true, min: 1, max: 1000 }),
    batchSize: numberFlag(flags, 'batch', { fallback: d.batchSize, integer: true, min: 1, max: 4096 }),
    lr: numberFlag(flags, 'lr', { fallback: d.lr, above: 0 }),
    seed: numberFlag(flags, 'seed', { fallback: d.seed, integer: true, min: 0, max: 2 ** 32 - 1 }),
    optimizer: choiceFlag(flags, 'optimizer', ['sgd', 'adam'] as const, d.optimizer),
    schedule: choiceFlag(flags, 'schedule', ['cosine', 'constant'] as const, d.schedule),
    momentum: numberFlag(flags, 'momentum', { fallback: d.momentum, min: 0, max: 0.999 }),
    weightDecay: numberFlag(flags, 'weight-decay', { fallback: d.weightDecay, min: 0, max: 1 }),
    evalEvery: numberFlag(flags, 'eval-every', { fallback: d.evalEvery, integer: true, min: 1 }),
    evalSize: numberFlag(flags, 'eval-size', { fallback: d.evalSize, integer: true, min: 1 }),
    deconv: {
      ...d.deconv,
      block: numberFlag(flags, 'block', { fallback: d.deconv.block, integer: true, min: 1, max: 4096 }),
      iters: numberFlag(flags, 'iters', { fallback: d.deconv.iters, integer: true, min: 0, max: 50 }),
      eps: numberFlag(flags, 'eps', { fallback: d.deconv.eps, above: 0 }),
      samplingStride: numberFlag(flags, 'sampling-stride', { fallback: d.deconv.samplingStride, integer: true, min: 1, max: 32 }),
    },
  };
  const backend = choiceFlag(flags, 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND);
  const jsonPath = stringFlag(flags, 'json');
  const dataset = await loadDataset(datasetFlag);
  if (config.batchSize > dataset.train.count) throw new CliError(`--batch ${config.batchSize} is larger than the ${dataset.train.count} training images`);
  await initNodeBackend(backend);
  await registerNodeGradients();
  const tty = process.stderr.isTTY;
  process.stderr.write(`backend: ${await describeNodeBackend(backend)}\n`);
  process.stderr.write(`training ${config.model} (${config.norms.join(' vs ')}) on ${dataset.name}: ${dataset.train.count} images, batch ${config.batchSize}, ${config.epochs} epoch(s), ${backend}\n`);
  const stop = new StopSignal((reason) => process.stderr.write(`\n${reason}: stopping after the current step${jsonPath ? ` and writing ${jsonPath}` : ''} (again to quit at once)\n`)).listen();
  let record;
  try {
    record = await runHeadless(config, dataset, {
      backend,
      shouldStop: () => stop.requested !== undefined,
      onDiverged: (e) => process.stderr.write(`\n${e.message}\n`),
      onProgress: (step, total, trainer) => {
        if (!tty && step !== 1 && step !== total && step % 10 !== 0) return;
        const losses = trainer
          .histories()
          .map((h) => `${h.norm} ${h.diverged ? 'diverged' : (h.steps[h.steps.length - 1]?.loss.toFixed(3) ?? '-')}`)
          .join('  ');
        process.stderr.write(`${tty ? '\r' : ''}${progressBar(step, total)}  ${losses}${tty ? '' : '\n'}`);
      },
    });
  } finally {
    stop.release();
  }
  process.stderr.write('\n');
  if (!record.complete) process.stderr.write(`stopped at step ${record.stepsDone} of ${record.totalSteps}\n`);
  for (const v of record.variants) {
    const last = v.test[v.test.length - 1];
    const acc = last ? `${(last.accuracy * 100).toFixed(2)}%` : 'n/a';
    console.log(`${v.norm.padEnd(9)} params ${v.params}  test accuracy ${acc}  ${v.msPerStep.toFixed(1)} ms/step${v.diverged ? '  DIVERGED' : ''}`);
  }
  if (jsonPath) {
    try {
      await writeFile(jsonPath, `${JSON.stringify(record, null, 1)}\n`);
    } catch (error) {
      throw new CliError(`cannot write ${jsonPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (stop.requested) process.exitCode = stop.exitCode;
}
