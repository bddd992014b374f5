// `npm run reproduce`: one epoch of batch norm vs deconvolution on MNIST and Fashion-MNIST, three
// seeds, mlp and simple-cnn, on the tfjs wasm backend (`--backend cpu` for tfjs's JavaScript kernels);
// writes docs/reproduction.md. Each model's results go to reports/reproduction-<model>.json, so models
// can run in separate processes (`--models mlp`, `--models simple-cnn`); the report is rebuilt from
// every results file. Ctrl+C / SIGTERM stops after the current step, saves the unfinished run
// (`"complete": false`, kept out of the table) and rebuilds the report from what is there.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Dataset } from '../src/data/dataset';
import { readDatasetFile, REPO_ROOT } from '../src/data/loadNode';
import { createRng, seedFor, shuffledIndices } from '../src/nn/random';
import { describeNodeBackend, initNodeBackend, NODE_BACKENDS, registerNodeGradients, type NodeBackendName } from '../src/cli/nodeBackend';
import { StopSignal } from '../src/cli/stopSignal';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/defaults';
import { runHeadless, type RunRecord } from '../src/train/headless';
import type { ModelName, TrainConfig } from '../src/train/protocol';

interface Plan {
  model: ModelName;
  /** Training images used (undefined = the whole shipped split). */
  trainImages?: number;
  batchSize: number;
  evalSize: number;
  block: number;
}

// Set when the cpu backend was the only one (~30 M multiply-adds/s under load here): the CNN gets a subset.
const PLANS: Record<string, Plan> = {
  mlp: { model: 'mlp', batchSize: 128, evalSize: 2000, block: 64 },
  'simple-cnn': { model: 'simple-cnn', trainImages: 256, batchSize: 32, evalSize: 300, block: 4 },
};
const DATASETS = ['mnist', 'fashion-mnist'] as const;
const SEEDS = [1, 2, 3];
/** Where results files and the report go; `--out <dir>` puts both there (tests, trial runs). */
interface Paths {
  results: string;
  report: string;
}

function pathsFor(out: string | undefined): Paths {
  return out ? { results: out, report: join(out, 'reproduction.md') } : { results: join(REPO_ROOT, 'reports'), report: join(REPO_ROOT, 'docs', 'reproduction.md') };
}

function subset(d: Dataset, count: number | undefined): Dataset {
  if (count === undefined || count >= d.train.count) return d;
  const size = d.height * d.width * d.channels;
  const order = shuffledIndices(d.train.count, createRng(seedFor(0, 'reproduction subset'))).subarray(0, count);
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  order.forEach((src, i) => {
    images.set(d.train.images.subarray(src * size, (src + 1) * size), i * size);
    labels[i] = d.train.labels[src];
  });
  return { ...d, train: { images, labels, count } };
}

function configFor(plan: Plan, dataset: Dataset, seed: number): TrainConfig {
  return {
    ...DEFAULT_TRAIN_CONFIG,
    dataset: dataset.name,
    model: plan.model,
    norms: ['batchnorm', 'deconv'],
    batchSize: plan.batchSize,
    epochs: 1,
    seed,
    evalEvery: 1_000_000, // only after the last step
    evalSize: plan.evalSize,
    deconv: { ...DEFAULT_TRAIN_CONFIG.deconv, block: plan.block },
  };
}

/** `--flag a,b` list, or undefined. */
function listFlag(argv: string[], flag: string): string[] | undefined {
  const at = argv.indexOf(flag);
  return at >= 0 ? (argv[at + 1] ?? '').split(',').filter(Boolean) : undefined;
}

interface Selection {
  datasets: readonly (typeof DATASETS)[number][];
  seeds: number[];
  /** Suffix of the results file, so separate processes do not overwrite each other. */
  tag: string;
  backend: NodeBackendName;
  stop: StopSignal;
  paths: Paths;
}

async function runModel(name: string, selection: Selection): Promise<void> {
  const plan = PLANS[name];
  if (!plan) throw new Error(`unknown model "${name}" (expected ${Object.keys(PLANS).join(', ')})`);
  const runs: RunRecord[] = [];
  for (const datasetName of selection.datasets) {
    const dataset = subset(await readDatasetFile(datasetName), plan.trainImages);
    for (const seed of selection.seeds) {
      if (selection.stop.requested) return;
      const started = Date.now();
      const record = await runHeadless(configFor(plan, dataset, seed), dataset, {
        backend: selection.backend,
        shouldStop: () => selection.stop.requested !== undefined,
        onProgress: (step, total) => {
          if (step === 1 || step % 10 === 0 || step === total) process.stderr.write(`${name} ${datasetName} seed ${seed}: step ${step}/${total}\n`);
        },
      });
      const summary = record.complete
        ? record.variants.map((v) => `${v.norm} ${(v.test[v.test.length - 1]?.accuracy ?? NaN).toFixed(4)}`).join(', ')
        : `stopped at step ${record.stepsDone}/${record.totalSteps}`;
      process.stderr.write(`${name} ${datasetName} seed ${seed}: ${summary} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      runs.push({ ...record, variants: record.variants.map((v) => ({ ...v, steps: v.steps.filter((_, i) => i % 5 === 0) })) });
      await mkdir(selection.paths.results, { recursive: true });
      await writeFile(join(selection.paths.results, `reproduction-${name}${selection.tag}.json`), JSON.stringify(runs));
    }
  }
}

const meanStd = (values: number[]): [number, number] => {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1) : 0;
  return [mean, Math.sqrt(variance)];
};

const NOTES = [
  '## Reading the table against the paper',
  '',
  'What these runs show: with the CNN, deconvolution is far ahead after its (very short) epoch on MNIST',
  '(69.3 % vs 40.4 % after 8 steps), in the direction of the paper. With the MLP, batch norm is ahead on',
  'MNIST (91.7 % vs 87.1 %) and the two are level on Fashion-MNIST (80.7 % vs 81.2 %, within a standard',
  'deviation). The CNN was not run on Fashion-MNIST: at ~13 minutes per run on this machine it did not fit',
  'the time budget (`npm run reproduce -- --models simple-cnn --datasets fashion-mnist` runs it).',
  '',
  'The paper\'s headline (deconvolution far ahead after one epoch: e.g. VGG-16 on CIFAR-10, 14.12 % with',
  'batch norm vs 74.18 % with deconvolution) does not carry over to these runs, for reasons we can name:',
  '',
  '- **Task and depth.** The paper\'s one-epoch gap is on CIFAR-10 with deep nets (VGG-16, ResNet-18,',
  '  DenseNet-121), where batch norm is slow to get going in 391 steps. MNIST and Fashion-MNIST with a',
  '  two-hidden-layer MLP or a two-conv CNN are easy for batch norm too: it is already at 90 %+ on MNIST',
  '  after a few dozen steps, so there is little room for deconvolution to be "far ahead".',
  '- **Steps.** One epoch here is 62 (MNIST, 8,000 images) or 78 (Fashion-MNIST, 10,000) steps of 128 for',
  '  the MLP, and only 8 steps of 32 on a 256-image subset for the CNN (the cpu backend on this shared',
  '  machine ran at roughly 30 M multiply-adds per second). With momentum 0.1 the running mean and running',
  '  D (used at test time, for both variants\' running statistics) still hold 0.9^8 = 43 % of their initial',
  '  values after 8 steps, which penalises evaluation of the CNN runs of both variants.',
  '- **Same hyper-parameters for both variants.** Both use lr 0.05 (cosine), momentum 0.9, weight decay',
  '  1e-3. Whitening changes the scale of every layer\'s input and so the effective step size; the paper',
  '  tuned learning rates per method, we did not.',
  '- **Partial whitening of the MLP input.** The reference block rule gives B = gcd(64, 784) = 16 for the',
  '  784 MNIST pixels: the input is whitened within pooled 16-pixel chunks (rows of the image), not as',
  '  one 784 x 784 covariance. The CNN used block 4 in its hidden layer (36 x 36 matrices) for speed.',
  '',
  'The ms/step column shows the cost side: deconvolution pays for the covariance',
  'and the Newton–Schulz iterations on every step (the input layer\'s statistics are fixed once from data).',
];

async function writeReport(paths: Paths): Promise<void> {
  const files = (await readdir(paths.results)).filter((f) => /^reproduction-.*\.json$/.test(f)).sort();
  const all: RunRecord[] = (await Promise.all(files.map(async (f) => JSON.parse(await readFile(join(paths.results, f), 'utf8')) as RunRecord[]))).flat();
  // Stopped runs stay in the results files but not in the table (no test accuracy yet). Records
  // written before runs could stop have no `complete` field: they finished.
  const unfinished = all.filter((r) => r.complete === false);
  // One finished run per (model, dataset, seed), whichever results file it came from.
  const seen = new Set<string>();
  const runs = all.filter((r) => {
    if (r.complete === false) return false;
    const key = `${r.config.model}/${r.config.dataset}/${r.config.seed}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rows: string[] = [];
  for (const model of Object.keys(PLANS)) {
    for (const datasetName of DATASETS) {
      const group = runs.filter((r) => r.config.model === model && r.config.dataset === datasetName);
      if (group.length === 0) continue;
      for (const norm of ['batchnorm', 'deconv'] as const) {
        const variants = group.flatMap((r) => r.variants.filter((v) => v.norm === norm));
        const acc = variants.map((v) => (v.test[v.test.length - 1]?.accuracy ?? NaN) * 100);
        const [am, as] = meanStd(acc);
        const [mm] = meanStd(variants.map((v) => v.msPerStep));
        const c = group[0].config;
        rows.push(
          `| ${model} | ${datasetName} | ${norm} | ${variants[0].params} | ${c.trainImages} | ${c.batchSize} | ${group.length} | ${am.toFixed(2)} ± ${as.toFixed(2)} | ${mm.toFixed(0)} |`,
        );
      }
    }
  }
  const backends = [...new Set(runs.map((r) => r.config.backend))].sort();
  const text = [
    '# Reproduction: one epoch, batch norm vs network deconvolution',
    '',
    `Generated by \`npm run reproduce\` (scripts/reproduce.ts) on the tfjs **${backends.join('** and **') || 'wasm'}** backend in Node.`,
    'Both variants of a run start from identical weights (seeded) and see identical batches in identical order.',
    'SGD, momentum 0.9, lr 0.05 with cosine annealing to 0 over the epoch, weight decay 1e-3; deconvolution:',
    'eps 1e-5, 5 Newton–Schulz iterations (15 for the input layer, whose statistics are fixed from 1,024',
    'training images), sampling stride 3, pooled blocks. Test accuracy on a fixed test subset after the',
    'single epoch; mean ± sample standard deviation over the seeds. ms/step excludes the first (warm-up) step',
    'and was measured on a shared 2-core machine under heavy load: compare the two variants, not the absolute values.',
    '',
    '| model | dataset | variant | params | train images | batch | seeds | test accuracy % | ms/step |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    ...(unfinished.length > 0 ? [`${unfinished.length} stopped run(s) are kept in reports/ but not in the table (\`"complete": false\`).`, ''] : []),
    ...NOTES,
    '',
  ].join('\n');
  await mkdir(dirname(paths.report), { recursive: true });
  await writeFile(paths.report, text);
  process.stderr.write(`wrote ${paths.report}\n`);
}

async function main(argv: string[]): Promise<void> {
  const reportOnly = argv.includes('--report-only');
  const models = listFlag(argv, '--models') ?? Object.keys(PLANS);
  const datasets = (listFlag(argv, '--datasets') ?? [...DATASETS]).map((d) => {
    const found = DATASETS.find((x) => x === d);
    if (!found) throw new Error(`unknown dataset "${d}" (expected ${DATASETS.join(', ')})`);
    return found;
  });
  const seeds = (listFlag(argv, '--seeds') ?? SEEDS.map(String)).map(Number);
  const tag = listFlag(argv, '--tag')?.[0];
  const paths = pathsFor(listFlag(argv, '--out')?.[0]);
  const backendFlag = listFlag(argv, '--backend')?.[0] ?? 'wasm';
  const backend = NODE_BACKENDS.find((b) => b === backendFlag);
  if (!backend) throw new Error(`unknown backend "${backendFlag}" (expected ${NODE_BACKENDS.join(', ')})`);
  const stop = new StopSignal((reason) => process.stderr.write(`${reason}: stopping after the current step, saving what is done (again to quit at once)\n`));
  if (!reportOnly) {
    await initNodeBackend(backend);
    await registerNodeGradients();
    process.stderr.write(`backend: ${await describeNodeBackend(backend)}\n`);
    stop.listen();
    try {
      for (const m of models) await runModel(m, { datasets, seeds, tag: tag ? `-${tag}` : '', backend, stop, paths });
    } finally {
      stop.release();
    }
  }
  await writeReport(paths);
  if (stop.requested) process.exitCode = stop.exitCode;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
