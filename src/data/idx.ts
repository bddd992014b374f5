/**
 * Reader for the IDX files of (Fashion-)MNIST: magic 0x00 0x00 <type> <ndims>, then ndims
 * big-endian uint32 sizes, then the data. Only unsigned bytes (type 0x08) are supported.
 */
import { gunzipSync } from 'fflate';

export interface IdxArray {
  dims: number[];
  data: Uint8Array;
}

export function parseIdx(fileBytes: Uint8Array, what = 'IDX file'): IdxArray {
  const bytes = fileBytes[0] === 0x1f && fileBytes[1] === 0x8b ? gunzipSync(fileBytes) : fileBytes;
  if (bytes.length < 4 || bytes[0] !== 0 || bytes[1] !== 0) throw new Error(`${what} is not an IDX file`);
  if (bytes[2] !== 0x08) throw new Error(`${what} holds type 0x${bytes[2].toString(16)}; only unsigned bytes are read`);
  const ndims = bytes[3];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 + 4 * ndims) throw new Error(`${what} is truncated in its header`);
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const start = 4 + 4 * ndims;
  const size = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== start + size) throw new Error(`${what} has ${bytes.length - start} data bytes, expected ${size}`);
  return { dims, data: bytes.subarray(start) };
}
