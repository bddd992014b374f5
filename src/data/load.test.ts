import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDataset } from './load';
import { makeCifarBatch, makeCifarTarGz } from './cifarFixtures';
import { readCifarPath, readDatasetFile, REPO_ROOT } from './loadNode';

const MNIST_BYTES = readFileSync(join(REPO_ROOT, 'public', 'data', 'mnist.bin'));

afterEach(() => vi.unstubAllGlobals());

describe('fetchDataset', () => {
  it('streams the file with rising progress ending at 1 and parses it like the Node reader', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return new Response(new Blob([MNIST_BYTES]).stream(), { headers: { 'content-length': String(MNIST_BYTES.length) } });
    });
    const progress: number[] = [];
    const dataset = await fetchDataset('mnist', '/deconv/', (f) => progress.push(f));
    expect(urls).toEqual(['/deconv/data/mnist.bin']);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
    const fromDisk = await readDatasetFile('mnist');
    expect(dataset.train.count).toBe(8000);
    expect(Buffer.compare(Buffer.from(dataset.test.images), Buffer.from(fromDisk.test.images))).toBe(0);
  });

  it('turns HTTP errors, network errors and truncated downloads into clear messages', async () => {
    vi.stubGlobal('fetch', async () => new Response('missing', { status: 404 }));
    await expect(fetchDataset('mnist', '/', undefined)).rejects.toThrow(
      /Could not download the mnist dataset from \/data\/mnist.bin: HTTP 404/,
    );
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchDataset('fashion-mnist', './')).rejects.toThrow(/Could not download the fashion-mnist dataset.*Failed to fetch/);
    vi.stubGlobal('fetch', async () => new Response(MNIST_BYTES.subarray(0, 100_000)));
    await expect(fetchDataset('mnist', '/')).rejects.toThrow(/mnist dataset file is a damaged gzip file/);
  });
});

describe('readDatasetFile', () => {
  it('says how to rebuild when the file is missing', async () => {
    await expect(readDatasetFile('mnist', '/nonexistent')).rejects.toThrow(/Cannot read the mnist dataset.*build-datasets/);
  });
});

describe('readCifarPath', () => {
  it('reads a folder of batch files, a single archive, and explains a missing path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cifar-'));
    try {
      writeFileSync(join(dir, 'data_batch_1.bin'), makeCifarBatch(10));
      writeFileSync(join(dir, 'test_batch.bin'), makeCifarBatch(5));
      writeFileSync(join(dir, 'notes.txt'), 'ignored');
      const fromFolder = await readCifarPath(dir);
      expect([fromFolder.train.count, fromFolder.test.count]).toEqual([10, 5]);
      writeFileSync(join(dir, 'c.tar.gz'), makeCifarTarGz({ 'data_batch_2.bin': makeCifarBatch(7) }));
      const fromArchive = await readCifarPath(join(dir, 'c.tar.gz'));
      expect(fromArchive.train.count + fromArchive.test.count).toBe(7);
      expect(fromArchive.note).toMatch(/held out/);
      await expect(readCifarPath(join(dir, 'missing'))).rejects.toThrow(/cannot read .*missing: no such file or folder/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
