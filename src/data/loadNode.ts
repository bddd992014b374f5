/** Node-only loader for the shipped dataset binaries (CLI, tests, reproduction script). */
import { readdir, readFile, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from './dataset';
import { parseDatasetBinary, shippedDatasetPath, type ShippedDatasetName } from './load';
import { DatasetFormatError, isGzip } from './format';
import { checkCifarFileSize, CifarFormatError, parseCifarFiles } from './cifar';

/** The repository root (two folders above src/data). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Reads and validates public/data/<name>.bin under `rootDir` (default: the repository root). */
export async function readDatasetFile(name: ShippedDatasetName, rootDir: string = REPO_ROOT): Promise<Dataset> {
  const path = join(rootDir, 'public', shippedDatasetPath(name));
  let bytes: Uint8Array;
  try {
    const buffer = await readFile(path);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot read the ${name} dataset at ${path} (${reason}); run \`npx tsx scripts/build-datasets.ts\``, { cause: error });
  }
  if (isGzip(bytes)) {
    try {
      bytes = new Uint8Array(gunzipSync(bytes)); // native zlib: several times faster than fflate
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatasetFormatError(`${name} dataset file ${path} is a damaged gzip file (${reason})`, { cause: error });
    }
  }
  return parseDatasetBinary(bytes, name);
}

/**
 * CIFAR-10 for the CLI: `path` is cifar-10-binary.tar.gz (or .tar), one batch file, or a
 * folder holding data_batch_N.bin / test_batch.bin. Sizes are checked before reading.
 */
export async function readCifarPath(path: string, onProgress?: (fraction: number) => void): Promise<Dataset> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new CifarFormatError(`cannot read ${path}: no such file or folder`, { cause: error });
  }
  const paths = info.isDirectory()
    ? (await readdir(path))
        .filter((f) => /^(data_batch_[1-5]|test_batch)\.bin$/.test(f))
        .sort()
        .map((f) => join(path, f))
    : [path];
  if (paths.length === 0) throw new CifarFormatError(`${path} holds no data_batch_N.bin or test_batch.bin files`);
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const file of paths) {
    const name = file.slice(file.lastIndexOf('/') + 1);
    checkCifarFileSize(name, (await stat(file)).size);
    const buffer = await readFile(file);
    files.push({ name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) });
  }
  return parseCifarFiles(files, onProgress);
}
