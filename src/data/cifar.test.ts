import { describe, expect, it } from 'vitest';
import { checkCifarFileSize, MAX_CIFAR_UPLOAD_BYTES, parseCifarFiles } from './cifar';
import { CIFAR_IMAGE_BYTES, CIFAR_PLANE, CIFAR_RECORD_BYTES } from './cifarBatch';
import { makeCifarBatch, makeCifarTarGz, syntheticPixel, writeTar } from './cifarFixtures';

/** NHWC value of image i at (y, x, c). */
const pixelAt = (images: Uint8Array, i: number, y: number, x: number, c: number) => images[i * CIFAR_IMAGE_BYTES + (y * 32 + x) * 3 + c];

describe('parseCifarFiles: valid input', () => {
  it('reads a synthetic cifar-10-binary.tar.gz: batches in order, planar RGB to NHWC, labels kept', async () => {
    const archive = makeCifarTarGz({
      'data_batch_2.bin': makeCifarBatch(20, 2),
      'data_batch_1.bin': makeCifarBatch(30, 1),
      'test_batch.bin': makeCifarBatch(15, 9, (r) => 9 - (r % 10)),
    });
    const progress: number[] = [];
    const data = await parseCifarFiles([{ name: 'cifar-10-binary.tar.gz', bytes: archive }], (f) => progress.push(f));
    expect([data.name, data.height, data.width, data.channels]).toEqual(['cifar10', 32, 32, 3]);
    expect(data.classes[0]).toBe('airplane');
    expect(data.note).toBeUndefined();
    expect([data.train.count, data.test.count]).toEqual([50, 15]);
    expect(data.train.images.length).toBe(50 * CIFAR_IMAGE_BYTES);
    // data_batch_1 first (30 records, salt 1), then data_batch_2 (salt 2).
    expect(pixelAt(data.train.images, 3, 5, 7, 2)).toBe(syntheticPixel(3, 2, 5 * 32 + 7, 1));
    expect(pixelAt(data.train.images, 30 + 4, 31, 0, 0)).toBe(syntheticPixel(4, 0, 31 * 32, 2));
    expect(pixelAt(data.test.images, 14, 31, 31, 1)).toBe(syntheticPixel(14, 1, CIFAR_PLANE - 1, 9));
    expect(Array.from(data.train.labels.subarray(28, 33))).toEqual([8, 9, 0, 1, 2]);
    expect(Array.from(data.test.labels.subarray(0, 3))).toEqual([9, 8, 7]);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]))).toBe(true);
  });

  it('reads single batch files and an un-gzipped tar', async () => {
    const single = await parseCifarFiles([
      { name: 'test_batch.bin', bytes: makeCifarBatch(10, 5) },
      { name: 'data_batch_3.bin', bytes: makeCifarBatch(12, 3) },
    ]);
    expect([single.train.count, single.test.count]).toEqual([12, 10]);
    expect(pixelAt(single.test.images, 9, 0, 1, 1)).toBe(syntheticPixel(9, 1, 1, 5));
    const tar = writeTar([
      { name: 'x/data_batch_1.bin', data: makeCifarBatch(10) },
      { name: 'x/test_batch.bin', data: makeCifarBatch(10) },
    ]);
    const fromTar = await parseCifarFiles([{ name: 'cifar-10-binary.tar', bytes: tar }]);
    expect([fromTar.train.count, fromTar.test.count]).toEqual([10, 10]);
  });

  it('holds out a stratified 20% (at most 2,000) as the test set when only training batches are given, and says so', async () => {
    const data = await parseCifarFiles([{ name: 'data_batch_1.bin', bytes: makeCifarBatch(100) }]);
    expect([data.train.count, data.test.count]).toEqual([80, 20]);
    expect(data.note).toMatch(/No test_batch\.bin given: 20 of the 100 training images .* held out/);
    const perClass = new Array<number>(10).fill(0);
    for (const label of data.test.labels) perClass[label]++;
    expect(perClass).toEqual(new Array(10).fill(2));
    // Held-out images keep their pixels: record r has red value syntheticPixel(r, 0, 0) at (0, 0).
    const firstRed = new Set(Array.from({ length: 100 }, (_, r) => syntheticPixel(r, 0, 0)));
    for (let i = 0; i < 20; i++) expect(firstRed.has(pixelAt(data.test.images, i, 0, 0, 0))).toBe(true);
  });
});

describe('parseCifarFiles: bad input gets a clear message', () => {
  it('a file whose size is not a multiple of 3,073 bytes', async () => {
    const bytes = makeCifarBatch(3).subarray(0, 3 * CIFAR_RECORD_BYTES - 100);
    await expect(parseCifarFiles([{ name: 'data_batch_1.bin', bytes }])).rejects.toThrow(
      /data_batch_1\.bin is 9,119 bytes, not a multiple of the 3073-byte CIFAR-10 record \(2 whole records and 2973 bytes left over\)/,
    );
  });

  it('CIFAR-100 and Python-pickle files are recognised', async () => {
    await expect(parseCifarFiles([{ name: 'train.bin', bytes: new Uint8Array(3074 * 5) }])).rejects.toThrow(/looks like CIFAR-100/);
    await expect(parseCifarFiles([{ name: 'data_batch_1', bytes: Uint8Array.from([0x80, 0x02, 0x7d, 0x71]) }])).rejects.toThrow(
      /Python \(pickle\) version/,
    );
  });

  it('a truncated tar.gz', async () => {
    const archive = makeCifarTarGz({ 'data_batch_1.bin': makeCifarBatch(40), 'test_batch.bin': makeCifarBatch(10) });
    await expect(
      parseCifarFiles([{ name: 'cifar-10-binary.tar.gz', bytes: archive.subarray(0, Math.floor(archive.length * 0.6)) }]),
    ).rejects.toThrow(/cifar-10-binary\.tar\.gz cannot be unpacked: the gzip data is damaged or cut short.*Is the download complete\?/);
  });

  it('a truncated plain tar', async () => {
    const tar = writeTar([{ name: 'data_batch_1.bin', data: makeCifarBatch(10) }]);
    await expect(parseCifarFiles([{ name: 'c.tar', bytes: tar.subarray(0, 20_000) }])).rejects.toThrow(/c\.tar: the archive is cut short/);
  });

  it('a tar.gz without CIFAR files', async () => {
    const archive = makeCifarTarGz({ 'photo.png': new Uint8Array(100) });
    await expect(parseCifarFiles([{ name: 'other.tar.gz', bytes: archive }])).rejects.toThrow(
      /other\.tar\.gz holds no CIFAR-10 batch files/,
    );
  });

  it('a label above 9', async () => {
    const bytes = makeCifarBatch(5);
    bytes[3 * CIFAR_RECORD_BYTES] = 12;
    await expect(parseCifarFiles([{ name: 'data_batch_2.bin', bytes }])).rejects.toThrow(
      /data_batch_2\.bin: record 3 has label 12, but CIFAR-10 labels are 0-9/,
    );
  });

  it('a 500 MB file is refused by its size before any byte is read', async () => {
    expect(() => checkCifarFileSize('huge.bin', 500_000_000)).toThrow(/huge\.bin is 500 MB; the largest CIFAR-10 file accepted is 210 MB/);
    expect(() => checkCifarFileSize('ok.tar.gz', 170_052_171)).not.toThrow();
    expect(() => checkCifarFileSize('empty.bin', 0)).toThrow(/empty\.bin is empty/);
    expect(MAX_CIFAR_UPLOAD_BYTES).toBeGreaterThan(184_500_000); // the un-gzipped official tar fits
    const untouchable = new Uint8Array(0);
    Object.defineProperty(untouchable, 'length', { value: 500_000_000 });
    await expect(parseCifarFiles([{ name: 'huge.bin', bytes: untouchable }])).rejects.toThrow(/huge\.bin is 500 MB/);
  });

  it('no training batch, a duplicate batch, no file at all', async () => {
    await expect(parseCifarFiles([{ name: 'test_batch.bin', bytes: makeCifarBatch(4) }])).rejects.toThrow(/no training batch given/);
    const batch = makeCifarBatch(4);
    await expect(
      parseCifarFiles([
        { name: 'data_batch_1.bin', bytes: batch },
        { name: 'data_batch_1.bin', bytes: batch },
      ]),
    ).rejects.toThrow(/data_batch_1\.bin was given twice/);
    await expect(parseCifarFiles([])).rejects.toThrow(/no file given/);
  });
});
