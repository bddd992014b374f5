/**
 * CIFAR-10 supplied by the user: the official `cifar-10-binary.tar.gz` (or the same tar
 * un-gzipped) and/or single batch files (`data_batch_N.bin`, `test_batch.bin`).
 * Runs in the browser, a worker or Node; needs no DOM.
 */
import { CLASS_NAMES } from './classes';
import { CIFAR_CLASSES, CIFAR_IMAGE_BYTES, CIFAR_SIDE, CifarFormatError, unpackCifarBatch, validateCifarBatch } from './cifarBatch';
import type { Dataset, Split } from './dataset';
import { gunzipWithProgress } from './gunzipStream';
import { gatherImages, stratifiedSplit } from './sampling';
import { looksLikeTar, readTarEntries } from './tar';

export { CifarFormatError } from './cifarBatch';

/** Largest file accepted: the official archive is 170,052,171 bytes, its tar 184 MB. */
export const MAX_CIFAR_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Images held out as the test set when no test_batch.bin is given (at most 20% of the training images). */
export const CIFAR_HOLDOUT = 2000;
const HOLDOUT_SEED = 1010;

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** Throws a clear message for a file that must not even be read (too big or empty). */
export function checkCifarFileSize(name: string, size: number): void {
  if (size === 0) throw new CifarFormatError(`${name} is empty`);
  if (size > MAX_CIFAR_UPLOAD_BYTES) {
    throw new CifarFormatError(
      `${name} is ${MB(size)}; the largest CIFAR-10 file accepted is ${MB(MAX_CIFAR_UPLOAD_BYTES)} ` +
        `(the official cifar-10-binary.tar.gz is 170 MB). Use cifar-10-binary.tar.gz or its batch files.`,
    );
  }
}

interface Batch {
  name: string;
  role: 'train' | 'test';
  bytes: Uint8Array;
  count: number;
}

const BATCH_NAME = /^(data_batch_[1-5]|test_batch)\.bin$/;
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

function batchesFromTar(archiveName: string, tar: Uint8Array): Batch[] {
  let entries;
  try {
    entries = readTarEntries(tar);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CifarFormatError(`${archiveName}: ${reason}`, { cause: error });
  }
  const batches = entries
    .filter((e) => BATCH_NAME.test(baseName(e.name)))
    .map((e) => ({
      name: baseName(e.name),
      role: baseName(e.name).startsWith('test') ? ('test' as const) : ('train' as const),
      bytes: e.data,
      count: 0,
    }));
  if (batches.length === 0) {
    const python = entries.some((e) => /data_batch_\d$/.test(e.name)) ? ' It looks like the Python version; use the binary version.' : '';
    throw new CifarFormatError(
      `${archiveName} holds no CIFAR-10 batch files (data_batch_1.bin … data_batch_5.bin, test_batch.bin in cifar-10-batches-bin/).${python}`,
    );
  }
  return batches;
}

/** Turns one user file into batches; `report` gets the fraction of this file done. */
async function batchesFromFile(file: { name: string; bytes: Uint8Array }, report: (f: number) => void): Promise<Batch[]> {
  checkCifarFileSize(file.name, file.bytes.length);
  if (isGzip(file.bytes)) {
    let tar: Uint8Array;
    try {
      tar = await gunzipWithProgress(file.bytes, report);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CifarFormatError(`${file.name} cannot be unpacked: ${reason}. Is the download complete?`, { cause: error });
    }
    if (!looksLikeTar(tar)) throw new CifarFormatError(`${file.name} is gzip but holds no tar archive; expected cifar-10-binary.tar.gz`);
    return batchesFromTar(file.name, tar);
  }
  report(1);
  if (looksLikeTar(file.bytes)) return batchesFromTar(file.name, file.bytes);
  const name = baseName(file.name);
  return [{ name, role: /test/i.test(name) ? 'test' : 'train', bytes: file.bytes, count: 0 }];
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function unpackSplit(batches: Batch[], onBatch: () => Promise<void>): Promise<Split> {
  const count = batches.reduce((sum, b) => sum + b.count, 0);
  const split: Split = { images: new Uint8Array(count * CIFAR_IMAGE_BYTES), labels: new Uint8Array(count), count };
  let first = 0;
  for (const batch of batches) {
    unpackCifarBatch(batch.bytes, split.images, split.labels, first);
    first += batch.count;
    await onBatch();
  }
  return split;
}

/**
 * Parses user-supplied CIFAR-10 files: data_batch_* become the training split, test_batch
 * the test split. Without a test batch, a stratified 2,000 (at most 20%) of the training
 * images are held out as the test set, and `note` says so. onProgress gets fractions in
 * [0, 1] (unpacking first, then conversion), ending with 1.
 */
export async function parseCifarFiles(
  files: { name: string; bytes: Uint8Array }[],
  onProgress?: (fraction: number) => void,
): Promise<Dataset> {
  if (files.length === 0) throw new CifarFormatError('no file given: choose cifar-10-binary.tar.gz or its batch files');
  const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  let doneBytes = 0;
  const batches: Batch[] = [];
  for (const file of files) {
    batches.push(...(await batchesFromFile(file, (f) => onProgress?.((0.6 * (doneBytes + f * file.bytes.length)) / totalBytes))));
    doneBytes += file.bytes.length;
  }
  const seen = new Set<string>();
  for (const batch of batches) {
    if (seen.has(batch.name)) throw new CifarFormatError(`${batch.name} was given twice`);
    seen.add(batch.name);
    batch.count = validateCifarBatch(batch.name, batch.bytes);
  }
  batches.sort((a, b) => a.name.localeCompare(b.name));
  const trainBatches = batches.filter((b) => b.role === 'train');
  const testBatches = batches.filter((b) => b.role === 'test');
  if (trainBatches.length === 0) {
    throw new CifarFormatError('no training batch given: add data_batch_1.bin … data_batch_5.bin (or the whole archive)');
  }
  let converted = 0;
  const step = async () => {
    converted++;
    onProgress?.(0.6 + (0.4 * converted) / batches.length);
    await nextTick();
  };
  let train = await unpackSplit(trainBatches, step);
  let test: Split;
  let note: string | undefined;
  if (testBatches.length > 0) {
    test = await unpackSplit(testBatches, step);
  } else {
    const heldOut = Math.min(CIFAR_HOLDOUT, Math.round(train.count * 0.2));
    const split = stratifiedSplit(train.labels, CIFAR_CLASSES, heldOut, HOLDOUT_SEED);
    test = gatherImages(train.images, train.labels, split.heldOut, CIFAR_IMAGE_BYTES);
    train = gatherImages(train.images, train.labels, split.kept, CIFAR_IMAGE_BYTES);
    note =
      `No test_batch.bin given: ${heldOut.toLocaleString('en-US')} of the ${(train.count + heldOut).toLocaleString('en-US')} ` +
      'training images (stratified by class) are held out as the test set.';
  }
  onProgress?.(1);
  return {
    name: 'cifar10',
    height: CIFAR_SIDE,
    width: CIFAR_SIDE,
    channels: 3,
    classes: [...CLASS_NAMES.cifar10],
    train,
    test,
    ...(note ? { note } : {}),
  };
}
