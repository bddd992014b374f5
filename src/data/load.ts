/** Loads the shipped MNIST / Fashion-MNIST binaries (browser, worker and Node). */
import { CLASS_NAMES } from './classes';
import type { Dataset } from './dataset';
import { DatasetFormatError, decodeDatasetBinary, isGzip } from './format';

export type ShippedDatasetName = 'mnist' | 'fashion-mnist';

/** File name of a shipped dataset under public/ (and so under the app's base URL). */
export function shippedDatasetPath(name: ShippedDatasetName): string {
  return `data/${name}.bin`;
}

/** Validates a dataset binary (gzipped or not) and returns it with its class names. */
export function parseDatasetBinary(bytes: Uint8Array, name: Dataset['name']): Dataset {
  const { header, train, test } = decodeDatasetBinary(bytes, `${name} dataset file`);
  if (header.dataset !== name) {
    throw new DatasetFormatError(`expected the ${name} dataset, but the file holds ${header.dataset}`);
  }
  const classes = [...CLASS_NAMES[name]];
  if (header.classCount !== classes.length) {
    throw new DatasetFormatError(`${name} dataset file has ${header.classCount} classes; expected ${classes.length}`);
  }
  return { name, height: header.height, width: header.width, channels: header.channels, classes, train, test };
}

async function readBody(response: Response, onProgress?: (fraction: number) => void): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    // A server may decompress on the fly, so the count can pass the declared length: clamp.
    if (declared > 0) onProgress?.(Math.min(0.95, (0.95 * received) / declared));
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Undoes gzip with the platform's native DecompressionStream when there is one (several times
 * faster than JavaScript inflate); parseDatasetBinary falls back to fflate otherwise.
 */
export async function gunzipNative(bytes: Uint8Array, what: string): Promise<Uint8Array> {
  if (!isGzip(bytes) || typeof DecompressionStream === 'undefined') return bytes;
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatasetFormatError(`${what} is a damaged gzip file (${reason}); it may be truncated — rebuild or re-download it`, {
      cause: error,
    });
  }
}

/**
 * Fetches `${baseUrl}data/<name>.bin`; onProgress gets fractions in [0, 1], ending with 1.
 * `baseUrl` ends with '/'. In a Web Worker a relative URL resolves against the worker's own
 * script (e.g. assets/), so pass an absolute one from the page, such as
 * `new URL(import.meta.env.BASE_URL, document.baseURI).href`.
 */
export async function fetchDataset(name: ShippedDatasetName, baseUrl: string, onProgress?: (fraction: number) => void): Promise<Dataset> {
  const url = `${baseUrl}${shippedDatasetPath(name)}`;
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not download the ${name} dataset from ${url}: ${reason}`, { cause: error });
  }
  if (!response.ok) throw new Error(`Could not download the ${name} dataset from ${url}: HTTP ${response.status}`);
  onProgress?.(0);
  const bytes = await readBody(response, onProgress);
  const dataset = parseDatasetBinary(await gunzipNative(bytes, `${name} dataset file`), name);
  onProgress?.(1);
  return dataset;
}
