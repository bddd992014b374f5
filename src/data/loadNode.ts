/** Node-only loader for the shipped dataset binaries (CLI, tests, reproduction script). */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from './dataset';
import { parseDatasetBinary, shippedDatasetPath, type ShippedDatasetName } from './load';
import { DatasetFormatError, isGzip } from './format';

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
