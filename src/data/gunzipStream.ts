/**
 * Gunzip of a large in-memory file (the 163 MB CIFAR-10 archive) in chunks, with progress,
 * yielding to the event loop between chunks so a page or worker stays responsive.
 * Uses the platform's DecompressionStream when it exists (native, fast), else fflate.
 */
import { Gunzip } from 'fflate';

const CHUNK_BYTES = 2 << 20;
/** A gzip trailer claiming more than this many times the input is not trusted for preallocation. */
const MAX_PLAUSIBLE_RATIO = 64;

export class GunzipError extends Error {
  override name = 'GunzipError';
}

/** Output buffer that grows by doubling; starts at the size the gzip trailer announces. */
class GrowableBytes {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(1024, capacity));
  }

  append(chunk: Uint8Array): void {
    if (this.length + chunk.length > this.buffer.length) {
      const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + chunk.length));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.length;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** ISIZE, the last 4 bytes of a gzip file: the uncompressed size modulo 2^32. */
function announcedSize(bytes: Uint8Array): number {
  const n = bytes.length;
  if (n < 18) return 0;
  const size = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  return size <= bytes.length * MAX_PLAUSIBLE_RATIO ? size : bytes.length * 4;
}

const nextTick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function gunzipNative(bytes: Uint8Array, out: GrowableBytes, onProgress?: (f: number) => void): Promise<void> {
  let offset = 0;
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.length, offset + CHUNK_BYTES);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
      onProgress?.(offset / bytes.length);
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    out.append(value);
  }
}

async function gunzipFflate(bytes: Uint8Array, out: GrowableBytes, onProgress?: (f: number) => void): Promise<void> {
  const stream = new Gunzip((chunk) => out.append(chunk));
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const end = Math.min(bytes.length, offset + CHUNK_BYTES);
    stream.push(bytes.subarray(offset, end), end === bytes.length);
    onProgress?.(end / bytes.length);
    await nextTick();
  }
}

/**
 * Decompresses a complete gzip file. Throws GunzipError for a damaged or truncated one.
 * `engine` is for tests; by default the native engine is used where it exists.
 */
export async function gunzipWithProgress(
  bytes: Uint8Array,
  onProgress?: (fraction: number) => void,
  engine: 'auto' | 'native' | 'fflate' = 'auto',
): Promise<Uint8Array> {
  const out = new GrowableBytes(announcedSize(bytes));
  const native = engine === 'native' || (engine === 'auto' && typeof DecompressionStream !== 'undefined');
  try {
    await (native ? gunzipNative(bytes, out, onProgress) : gunzipFflate(bytes, out, onProgress));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GunzipError(`the gzip data is damaged or cut short (${reason})`, { cause: error });
  }
  if (out.length === 0) throw new GunzipError('the gzip data is cut short (nothing could be decompressed)');
  return out.bytes();
}
