import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeDatasetBinary, encodeDatasetBinary, HEADER_BYTES, type BinaryHeader } from './format';
import { parseDatasetBinary } from './load';

function tinyDataset(trainCount = 5, testCount = 3): { header: BinaryHeader; raw: Uint8Array } {
  const header: BinaryHeader = {
    dataset: 'mnist',
    channels: 1,
    height: 2,
    width: 3,
    classCount: 10,
    trainCount,
    testCount,
  };
  const split = (count: number, salt: number) => ({
    count,
    labels: Uint8Array.from({ length: count }, (_, i) => (i + salt) % 10),
    images: Uint8Array.from({ length: count * 6 }, (_, i) => (i * 7 + salt) % 256),
  });
  return { header, raw: encodeDatasetBinary(header, split(trainCount, 1), split(testCount, 4), false) };
}

describe('dataset binary format', () => {
  it('round-trips raw and gzipped files to the same splits', () => {
    const { raw } = tinyDataset();
    expect(raw.length).toBe(HEADER_BYTES + 8 * 7);
    const a = decodeDatasetBinary(raw);
    const b = decodeDatasetBinary(gzipSync(raw));
    expect(a.header).toEqual({ dataset: 'mnist', channels: 1, height: 2, width: 3, classCount: 10, trainCount: 5, testCount: 3 });
    expect(Array.from(a.train.labels)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(a.test.labels)).toEqual([4, 5, 6]);
    expect(Array.from(a.test.images.subarray(0, 3))).toEqual([4, 11, 18]);
    expect(b.train.images).toEqual(a.train.images);
    expect(b.test.images).toEqual(a.test.images);
  });

  it('rejects truncated, over-long and garbage files with clear messages', () => {
    const { raw } = tinyDataset();
    expect(() => decodeDatasetBinary(raw.subarray(0, raw.length - 1))).toThrow(/truncated: 87 bytes, expected 88/);
    expect(() => decodeDatasetBinary(Uint8Array.from([...raw, 0]))).toThrow(/longer than its header says/);
    expect(() => decodeDatasetBinary(raw.subarray(0, 10))).toThrow(/too short/);
    expect(() => decodeDatasetBinary(new TextEncoder().encode('<!doctype html><html>not found</html>'))).toThrow(/bad magic/);
    const gz = gzipSync(raw);
    expect(() => decodeDatasetBinary(gz.subarray(0, gz.length - 20))).toThrow(/damaged gzip file/);
  });

  it('rejects a wrong version, dataset id, channel count or label', () => {
    const { raw } = tinyDataset();
    const patched = (offset: number, value: number) => {
      const copy = raw.slice();
      copy[offset] = value;
      return copy;
    };
    expect(() => decodeDatasetBinary(patched(4, 2))).toThrow(/version 2/);
    expect(() => decodeDatasetBinary(patched(8, 9))).toThrow(/unknown dataset id 9/);
    expect(() => decodeDatasetBinary(patched(9, 2))).toThrow(/2 channels/);
    expect(() => decodeDatasetBinary(patched(HEADER_BYTES + 2, 10))).toThrow(/label 10 at position 2/);
  });

  it('parseDatasetBinary checks the dataset name and adds class names', () => {
    const { raw } = tinyDataset();
    const dataset = parseDatasetBinary(raw, 'mnist');
    expect(dataset.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(dataset.train.count).toBe(5);
    expect(() => parseDatasetBinary(raw, 'fashion-mnist')).toThrow(/expected the fashion-mnist dataset, but the file holds mnist/);
  });

  it('refuses to encode splits whose sizes disagree with their counts', () => {
    const { header } = tinyDataset();
    const bad = { count: 2, labels: new Uint8Array(2), images: new Uint8Array(5) };
    expect(() => encodeDatasetBinary(header, bad, bad)).toThrow(/train split sizes/);
  });
});
