/**
 * README-format: the shipped dataset binary (public/data/<name>.bin), version 1.
 *
 * The file is the gzip (RFC 1952) of the layout below; a reader also accepts it un-gzipped
 * (e.g. when a server already undid the compression). All integers little-endian.
 *
 *   offset size field
 *        0    4 magic "DLDS"
 *        4    2 version = 1
 *        6    2 header length in bytes = 32
 *        8    1 dataset id: 1 mnist, 2 fashion-mnist, 3 cifar10
 *        9    1 channels (1 or 3)
 *       10    2 height
 *       12    2 width
 *       14    1 class count (labels are 0 .. count-1)
 *       15    1 reserved, 0
 *       16    4 train count N
 *       20    4 test count M
 *       24    8 reserved, 0
 *       32    N train labels (uint8)
 *            N*H*W*C train pixels (uint8, NHWC: image, row, column, channel)
 *            M test labels, then M*H*W*C test pixels
 *
 * The file must end exactly after the test pixels.
 */
import { gunzipSync, gzipSync } from 'fflate';
import type { DatasetName, Split } from './dataset';

export const FORMAT_MAGIC = 'DLDS';
export const FORMAT_VERSION = 1;
export const HEADER_BYTES = 32;
const DATASET_IDS: Record<DatasetName, number> = { mnist: 1, 'fashion-mnist': 2, cifar10: 3 };

export class DatasetFormatError extends Error {
  override name = 'DatasetFormatError';
}

export interface BinaryHeader {
  dataset: DatasetName;
  channels: 1 | 3;
  height: number;
  width: number;
  classCount: number;
  trainCount: number;
  testCount: number;
}

export interface DecodedBinary {
  header: BinaryHeader;
  train: Split;
  test: Split;
}

function datasetFromId(id: number): DatasetName | undefined {
  return (Object.keys(DATASET_IDS) as DatasetName[]).find((name) => DATASET_IDS[name] === id);
}

/** Lays out header + splits (uncompressed); `gzip` wraps it for shipping. */
export function encodeDatasetBinary(header: BinaryHeader, train: Split, test: Split, gzip = true): Uint8Array {
  const imageBytes = header.height * header.width * header.channels;
  for (const [label, split] of [
    ['train', train],
    ['test', test],
  ] as const) {
    if (split.labels.length !== split.count || split.images.length !== split.count * imageBytes) {
      throw new DatasetFormatError(`${label} split sizes do not match its count ${split.count}`);
    }
  }
  const total = HEADER_BYTES + (train.count + test.count) * (1 + imageBytes);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = FORMAT_MAGIC.charCodeAt(i);
  view.setUint16(4, FORMAT_VERSION, true);
  view.setUint16(6, HEADER_BYTES, true);
  out[8] = DATASET_IDS[header.dataset];
  out[9] = header.channels;
  view.setUint16(10, header.height, true);
  view.setUint16(12, header.width, true);
  out[14] = header.classCount;
  view.setUint32(16, train.count, true);
  view.setUint32(20, test.count, true);
  let offset = HEADER_BYTES;
  for (const split of [train, test]) {
    out.set(split.labels, offset);
    offset += split.count;
    out.set(split.images, offset);
    offset += split.images.length;
  }
  return gzip ? gzipSync(out, { level: 9, mtime: 0 }) : out;
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipOrThrow(bytes: Uint8Array, what: string): Uint8Array {
  try {
    return gunzipSync(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetFormatError(`${what} is a damaged gzip file (${reason}); it may be truncated — rebuild or re-download it`, {
      cause: error,
    });
  }
}

function readHeader(raw: Uint8Array, what: string): BinaryHeader {
  if (raw.length < HEADER_BYTES) {
    throw new DatasetFormatError(`${what} is too short (${raw.length} bytes) to hold a dataset header`);
  }
  const magic = String.fromCharCode(raw[0], raw[1], raw[2], raw[3]);
  if (magic !== FORMAT_MAGIC) throw new DatasetFormatError(`${what} is not a Deconv Lab dataset file (bad magic)`);
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const version = view.getUint16(4, true);
  if (version !== FORMAT_VERSION) {
    throw new DatasetFormatError(`${what} has format version ${version}; this app reads version ${FORMAT_VERSION}`);
  }
  if (view.getUint16(6, true) !== HEADER_BYTES) throw new DatasetFormatError(`${what} has an unexpected header length`);
  const dataset = datasetFromId(raw[8]);
  if (!dataset) throw new DatasetFormatError(`${what} names an unknown dataset id ${raw[8]}`);
  const channels = raw[9];
  if (channels !== 1 && channels !== 3) throw new DatasetFormatError(`${what} has ${channels} channels; expected 1 or 3`);
  const header: BinaryHeader = {
    dataset,
    channels,
    height: view.getUint16(10, true),
    width: view.getUint16(12, true),
    classCount: raw[14],
    trainCount: view.getUint32(16, true),
    testCount: view.getUint32(20, true),
  };
  if (header.height === 0 || header.width === 0 || header.classCount < 2) {
    throw new DatasetFormatError(`${what} has an impossible shape or class count`);
  }
  return header;
}

function checkLabels(labels: Uint8Array, classCount: number, what: string): void {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= classCount) {
      throw new DatasetFormatError(`${what}: label ${labels[i]} at position ${i} is not below the class count ${classCount}`);
    }
  }
}

/** Validates and unpacks a (gzipped or raw) dataset binary. Splits are views into one buffer. */
export function decodeDatasetBinary(bytes: Uint8Array, what = 'dataset file'): DecodedBinary {
  const raw = isGzip(bytes) ? gunzipOrThrow(bytes, what) : bytes;
  const header = readHeader(raw, what);
  const imageBytes = header.height * header.width * header.channels;
  const expected = HEADER_BYTES + (header.trainCount + header.testCount) * (1 + imageBytes);
  if (raw.length !== expected) {
    const how = raw.length < expected ? 'truncated' : 'longer than its header says';
    throw new DatasetFormatError(`${what} is ${how}: ${raw.length} bytes, expected ${expected}`);
  }
  let offset = HEADER_BYTES;
  const take = (count: number): Split => {
    const labels = raw.subarray(offset, offset + count);
    offset += count;
    const images = raw.subarray(offset, offset + count * imageBytes);
    offset += count * imageBytes;
    return { labels, images, count };
  };
  const train = take(header.trainCount);
  const test = take(header.testCount);
  checkLabels(train.labels, header.classCount, `${what} (train)`);
  checkLabels(test.labels, header.classCount, `${what} (test)`);
  return { header, train, test };
}
