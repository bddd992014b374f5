// CIFAR-10 in the reproduction: `--cifar <path>` adds vgg-mini and resnet-mini on cifar10 (and
// nothing changes without it); the path is read as the CLI reads it; one tiny run completes.
import * as tf from '@tensorflow/tfjs-core';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCifarBatch, makeCifarTarGz } from '../../src/data/cifarFixtures';
import { useCpu, useWasm } from '../../src/kernels/testing/backends';
import { parseArgs } from './args';
import { buildModel } from './models';
import { loadReproDataset } from './datasets';
import { plannedRuns } from './plan';
import { runOne } from './train';
import { runId } from './types';

let dir = '';
let archive = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reproduce-cifar-'));
  archive = join(dir, 'cifar-10-binary.tar.gz');
  await writeFile(archive, makeCifarTarGz({ 'data_batch_1.bin': makeCifarBatch(12), 'test_batch.bin': makeCifarBatch(4, 1) }));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const pairs = (argv: string[]): string[] => [...new Set(plannedRuns(parseArgs(argv)).map((s) => `${s.model}/${s.dataset}`))];

describe('--cifar <path>', () => {
  it('adds vgg-mini and resnet-mini on cifar10, the other models stay on MNIST / Fashion-MNIST', () => {
    const o = parseArgs(['--cifar', '/data/cifar-10-binary.tar.gz', '--seeds', '1']);
    expect(o.cifarPath).toBe('/data/cifar-10-binary.tar.gz');
    expect(o.models).toEqual(['mlp', 'simple-cnn', 'vgg-mini', 'resnet-mini']);
    expect(o.datasets).toEqual(['mnist', 'fashion-mnist', 'cifar10']);
    expect(pairs(['--cifar', 'x', '--seeds', '1'])).toEqual([
      'mlp/mnist',
      'mlp/fashion-mnist',
      'simple-cnn/mnist',
      'simple-cnn/fashion-mnist',
      'vgg-mini/cifar10',
      'resnet-mini/cifar10',
    ]);
    const cifarRuns = plannedRuns(o).filter((s) => s.dataset === 'cifar10');
    expect(cifarRuns).toHaveLength(2 * o.lrs.length);
    expect(cifarRuns.every((s) => s.ablation === 'main' && s.epochs === 1 && s.seed === 1)).toBe(true);
  });
  it('without it nothing changes: no cifar10, no CIFAR models', () => {
    const o = parseArgs([]);
    expect(o.cifarPath).toBeUndefined();
    expect(plannedRuns(o).some((s) => s.dataset === 'cifar10' || s.model === 'vgg-mini' || s.model === 'resnet-mini')).toBe(false);
  });
  it('--models and --datasets still filter', () => {
    expect(pairs(['--cifar', 'x', '--models', 'vgg-mini', '--datasets', 'cifar10', '--seeds', '1'])).toEqual(['vgg-mini/cifar10']);
    expect(pairs(['--cifar', 'x', '--models', 'resnet-mini,mlp', '--seeds', '1'])).toEqual([
      'resnet-mini/cifar10',
      'mlp/mnist',
      'mlp/fashion-mnist',
    ]);
    expect(pairs(['--cifar', 'x', '--datasets', 'mnist', '--seeds', '1'])).toEqual(['mlp/mnist', 'simple-cnn/mnist']);
    const ids = plannedRuns(parseArgs(['--cifar', 'x', '--models', 'vgg-mini', '--lrs', '0.1', '--seeds', '2'])).map(runId);
    expect(ids).toEqual(['vgg-mini/cifar10/main/lr0.1/seed1/ep1', 'vgg-mini/cifar10/main/lr0.1/seed2/ep1']);
  });
  it('needs a value, and the CIFAR models and dataset need it', () => {
    expect(() => parseArgs(['--cifar'])).toThrow(/--cifar needs a value/);
    expect(() => parseArgs(['--cifar', '--models', 'vgg-mini'])).toThrow(/--cifar needs a value/);
    expect(() => parseArgs(['--models', 'vgg-mini'])).toThrow(/"vgg-mini" trains on CIFAR-10: give its path with --cifar <path>/);
    expect(() => parseArgs(['--models', 'mlp,resnet-mini'])).toThrow(/--cifar <path>/);
    expect(() => parseArgs(['--datasets', 'cifar10'])).toThrow(/"cifar10" needs its path: --cifar <path>/);
  });
});

describe('loadReproDataset', () => {
  it('reads CIFAR-10 from the archive as the CLI does', async () => {
    const d = await loadReproDataset('cifar10', archive);
    expect([d.name, d.height, d.width, d.channels, d.classes.length, d.train.count, d.test.count]).toEqual([
      'cifar10',
      32,
      32,
      3,
      10,
      12,
      4,
    ]);
  });
  it("a missing path or a file that is not CIFAR-10: the loader's messages", async () => {
    await expect(loadReproDataset('cifar10', join(dir, 'nowhere.tar.gz'))).rejects.toThrow(/nowhere\.tar\.gz: no such file or folder/);
    const notCifar = join(dir, 'data_batch_1.bin');
    await writeFile(notCifar, new Uint8Array(1000).fill(3));
    await expect(loadReproDataset('cifar10', notCifar)).rejects.toThrow(/not a multiple of the 3073-byte CIFAR-10 record/);
    await expect(loadReproDataset('cifar10', undefined)).rejects.toThrow(/--cifar <path>/);
  });
  it('npm run reproduce with a wrong --cifar path stops with that message before training', async () => {
    const args = [
      '--import',
      'tsx',
      'scripts/reproduce.ts',
      '--cifar',
      join(dir, 'missing'),
      '--models',
      'vgg-mini',
      '--out',
      dir,
      '--no-report',
    ];
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(result.stderr).toMatch(/^error: cannot read .*missing: no such file or folder/m);
    expect(result.stderr).not.toMatch(/run\(s\) to do/);
    expect(result.code).toBe(1);
  });
});

describe('the CIFAR models on the wasm backend', () => {
  beforeAll(useWasm);
  afterAll(useCpu);
  it('vgg-mini and resnet-mini build in both variants with the protocol settings and give 10 logits', () => {
    for (const model of ['vgg-mini', 'resnet-mini'] as const)
      for (const norm of ['batchnorm', 'deconv'] as const) {
        const built = buildModel({ model, dataset: 'cifar10', ablation: 'main', lr: 0.1, seed: 1, epochs: 1 }, norm, [32, 32, 3], 10);
        try {
          expect(built.inputFromData).toBe(true);
          const logits = tf.tidy(() => built.model.forward(tf.zeros([2, 32, 32, 3]) as tf.Tensor4D, { training: false }).shape);
          expect(logits, `${model} ${norm}`).toEqual([2, 10]);
        } finally {
          built.model.dispose();
        }
      }
  });

  it('resnet-mini, both variants in lock-step, two tiny steps on the wasm backend', async () => {
    const dataset = await loadReproDataset('cifar10', archive);
    const steps: number[] = [];
    const r = await runOne({ model: 'resnet-mini', dataset: 'cifar10', ablation: 'main', lr: 0.05, seed: 1, epochs: 1 }, dataset, {
      backend: 'wasm',
      shouldStop: () => false,
      onProgress: (step) => steps.push(step),
      sizes: { validationImages: 4, batchSize: 4 },
    });
    expect([r.complete, r.stepsDone, r.totalSteps, r.batchSize, r.trainImages, r.validationImages, r.testImages]).toEqual([
      true,
      2,
      2,
      4,
      8,
      4,
      4,
    ]);
    expect(steps).toEqual([1, 2]);
    expect(r.variants.map((v) => v.norm)).toEqual(['batchnorm', 'deconv']);
    for (const v of r.variants) {
      expect(v.losses).toHaveLength(2);
      expect(v.losses.every((l) => l !== null && Number.isFinite(l))).toBe(true);
      expect(v.testAccuracy).toBeGreaterThanOrEqual(0);
      expect(v.testAccuracy).toBeLessThanOrEqual(1);
      expect(v.probes.length).toBeGreaterThan(0);
    }
    expect(r.inputWhitening?.whitened.kurtosis).toEqual(expect.any(Number));
  });
});
