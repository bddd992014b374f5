import { describe, expect, it } from 'vitest';
import { readUpload, type FileLike } from './cifarUpload';

function file(name: string, size: number, onRead: () => void): FileLike {
  return {
    name,
    size,
    arrayBuffer: async () => {
      onRead();
      return new ArrayBuffer(4);
    },
  };
}

describe('CIFAR upload', () => {
  it('refuses too-large files before reading any', async () => {
    let reads = 0;
    const result = await readUpload([file('a.bin', 150e6, () => reads++), file('b.bin', 150e6, () => reads++)]);
    expect(result.ok).toBe(false);
    expect(reads).toBe(0);
    if (!result.ok) expect(result.message).toMatch(/limit is 200 MB/);
  });

  it('reads files within the limit', async () => {
    let reads = 0;
    const result = await readUpload([file('data_batch_1.bin', 30e6, () => reads++)]);
    expect(result.ok && result.files[0].name).toBe('data_batch_1.bin');
    expect(reads).toBe(1);
  });

  it('refuses an empty selection', async () => {
    expect((await readUpload([])).ok).toBe(false);
  });
});
