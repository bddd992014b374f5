// `npm run cli -- train`: deconvolution vs batch norm (vs none) in lock-step, headless, with a
// progress bar on stderr and an optional JSON record of the run. Ctrl+C / SIGTERM stops after the
// current step and still writes the record (`"complete": false`); a second Ctrl+C ends it at once.
import { writeFile } from 'node:fs/promises';
import type { Dataset } from '../../data/dataset';
import { readCifarPath, readDatasetFile } from '../../data/loadNode';
import { runHeadless } from '../../train/headless';
import type { TrainConfig } from '../../train/protocol';
import { learningRatesOf, toTrainConfig, TRAINING_SETTINGS } from '../../train/trainingSettings';
import { CliError } from '../cliError';
import { booleanFlag, choiceFlag, parseFlags, stringFlag } from '../flags';
import {
  BACKEND_USAGE,
  DEFAULT_NODE_BACKEND,
  describeNodeBackend,
  initNodeBackend,
  NODE_BACKENDS,
  registerNodeGradients,
} from '../nodeBackend';
import { readSettingFlags, settingFlagSpec, settingUsageLines } from '../settingsFlags';
import { StopSignal } from '../stopSignal';

const SPEC = {
  ...settingFlagSpec(TRAINING_SETTINGS),
  backend: 'string',
  json: 'string',
  help: 'boolean',
} as const;

export const TRAIN_USAGE = [
  'usage: train [flags]',
  ...settingUsageLines(TRAINING_SETTINGS, {
    dataset: `[--dataset mnist|fashion-mnist|cifar10:<path> (default ${TRAINING_SETTINGS.dataset.default})]`,
  }),
  `  [${BACKEND_USAGE}] [--json run.json]`,
  'Ctrl+C (or SIGTERM) stops after the current step and still writes --json with "complete": false; press it twice to quit at once.',
].join('\n');

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
  const datasetFlag = stringFlag(flags, 'dataset') ?? TRAINING_SETTINGS.dataset.default;
  const params = readSettingFlags(TRAINING_SETTINGS, flags, { skip: ['dataset'] });
  const config: TrainConfig = toTrainConfig({
    ...params,
    dataset: datasetFlag.startsWith('cifar10') ? 'cifar10' : (datasetFlag as TrainConfig['dataset']),
  });
  const backend = choiceFlag(flags, 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND);
  const jsonPath = stringFlag(flags, 'json');
  const dataset = await loadDataset(datasetFlag);
  if (config.batchSize > dataset.train.count)
    throw new CliError(`--batch ${config.batchSize} is larger than the ${dataset.train.count} training images`);
  await initNodeBackend(backend);
  await registerNodeGradients();
  const tty = process.stderr.isTTY;
  process.stderr.write(`backend: ${await describeNodeBackend(backend)}\n`);
  process.stderr.write(
    `training ${config.model} (${config.norms.join(' vs ')}) on ${dataset.name}: ${dataset.train.count} images, batch ${config.batchSize}, ${config.epochs} epoch(s), lr ${Object.entries(
      learningRatesOf(config),
    )
      .map(([norm, lr]) => `${norm} ${lr}`)
      .join(' / ')}, ${backend}\n`,
  );
  const stop = new StopSignal((reason) =>
    process.stderr.write(
      `\n${reason}: stopping after the current step${jsonPath ? ` and writing ${jsonPath}` : ''} (again to quit at once)\n`,
    ),
  ).listen();
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
    console.log(
      `${v.norm.padEnd(9)} params ${v.params}  lr ${learningRatesOf(config)[v.norm]}  test accuracy ${acc}  ${v.msPerStep.toFixed(1)} ms/step${v.diverged ? '  DIVERGED' : ''}`,
    );
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
