// `npm run reproduce`: batch norm vs network deconvolution, fairly (docs/reproduction.md). For each
// model (mlp, simple-cnn), dataset (MNIST, Fashion-MNIST; with --cifar <path> also vgg-mini and resnet-mini on
// CIFAR-10), learning rate of a grid (--lrs), seed
// (--seeds) and epoch count (--epochs), both variants train in lock-step on the training images minus
// a validation split; each variant's lr is picked on validation accuracy, test accuracy is reported.
// `--ablations a,b` runs ablations of the deconvolution MLP (or simple-cnn, cnn-*) on MNIST instead. Results go to
// reports/reproduce-<tag>.json (--tag; finished runs found in any results file are skipped unless
// --rerun); the report and figures are rebuilt from all results files (--report-only: only that).
// Ctrl+C / SIGTERM stops after the current step, keeps the unfinished run (complete: false) and
// still writes the report. Runs on the tfjs wasm backend (--backend cpu for the JavaScript kernels).
import { join } from 'node:path';
import type { Dataset } from '../src/data/dataset';
import { REPO_ROOT } from '../src/data/loadNode';
import { describeNodeBackend, initNodeBackend, NODE_BACKENDS, registerNodeGradients } from '../src/cli/nodeBackend';
import { StopSignal } from '../src/cli/stopSignal';
import { parseArgs, type ReproOptions } from './reproduce/args';
import { loadReproDataset } from './reproduce/datasets';
import { plannedRuns } from './reproduce/plan';
import { writeReport } from './reproduce/report';
import { finishedRuns, loadResults, saveResults } from './reproduce/results';
import { runOne } from './reproduce/train';
import { runId, type ReproDataset, type RunResult } from './reproduce/types';

export interface Paths {
  results: string;
  report: string;
  figures: string;
}

function pathsFor(out: string | undefined): Paths {
  return out
    ? { results: out, report: join(out, 'reproduction.md'), figures: join(out, 'figures') }
    : {
        results: join(REPO_ROOT, 'reports'),
        report: join(REPO_ROOT, 'docs', 'reproduction.md'),
        figures: join(REPO_ROOT, 'docs', 'figures'),
      };
}

async function runAll(o: ReproOptions, paths: Paths, stop: StopSignal): Promise<void> {
  const backend = NODE_BACKENDS.find((b) => b === o.backend);
  if (!backend) throw new Error(`unknown backend "${o.backend}" (expected ${NODE_BACKENDS.join(', ')})`);
  const datasets = new Map<ReproDataset, Dataset>();
  // Read CIFAR-10 first: a wrong --cifar path fails before any training.
  if (plannedRuns(o).some((s) => s.dataset === 'cifar10')) datasets.set('cifar10', await loadReproDataset('cifar10', o.cifarPath));
  await initNodeBackend(backend);
  await registerNodeGradients();
  process.stderr.write(`backend: ${await describeNodeBackend(backend)}\n`);
  const done = new Set(o.rerun ? [] : finishedRuns(await loadResults(paths.results)).runs.map(runId));
  const specs = plannedRuns(o).filter((s) => !done.has(runId(s)));
  process.stderr.write(`${specs.length} run(s) to do\n`);
  const mine: RunResult[] = [];
  for (const [i, spec] of specs.entries()) {
    if (stop.requested) break;
    const dataset = datasets.get(spec.dataset) ?? (await loadReproDataset(spec.dataset, o.cifarPath));
    datasets.set(spec.dataset, dataset);
    const label = `${spec.model} ${spec.dataset}${spec.ablation === 'main' ? '' : ` ${spec.ablation}`} lr ${spec.lr} seed ${spec.seed}${spec.epochs > 1 ? ` ${spec.epochs} ep` : ''}`;
    const result = await runOne(spec, dataset, {
      backend,
      shouldStop: () => stop.requested !== undefined,
      onProgress: (step, total) => {
        if (step === 1 || step % 50 === 0 || step === total) process.stderr.write(`${label}: step ${step}/${total}\n`);
      },
    });
    const summary = result.complete
      ? result.variants
          .map((v) => `${v.norm} val ${(v.validationAccuracy * 100).toFixed(1)} test ${(v.testAccuracy * 100).toFixed(1)}`)
          .join(', ')
      : `stopped at step ${result.stepsDone}/${result.totalSteps}`;
    process.stderr.write(`${label}: ${summary} (${result.seconds.toFixed(0)} s) [${i + 1}/${specs.length}]\n`);
    mine.push(result);
    await saveResults(paths.results, o.tag, mine);
  }
}

async function main(argv: string[]): Promise<void> {
  const o = parseArgs(argv);
  const paths = pathsFor(o.out);
  const stop = new StopSignal((reason) =>
    process.stderr.write(`${reason}: stopping after the current step, saving what is done (again to quit at once)\n`),
  );
  if (!o.reportOnly) {
    stop.listen();
    try {
      await runAll(o, paths, stop);
    } finally {
      stop.release();
    }
  }
  if (!argv.includes('--no-report')) await writeReport(paths, o.targetLoss);
  if (stop.requested) process.exitCode = stop.exitCode;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
