import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseIdx } from './idx';

/** IDX with type 0x08 and the given dims (big-endian sizes), data 0, 1, 2, ... */
function makeIdx(dims: number[]): Uint8Array {
  const size = dims.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dims.length + size);
  bytes.set([0, 0, 0x08, dims.length]);
  const view = new DataView(bytes.buffer);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < size; i++) bytes[4 + 4 * dims.length + i] = i % 256;
  return bytes;
}

describe('parseIdx', () => {
  it('reads dims and data, gzipped or not', () => {
    const raw = makeIdx([3, 2, 2]);
    for (const bytes of [raw, gzipSync(raw)]) {
      const idx = parseIdx(bytes);
      expect(idx.dims).toEqual([3, 2, 2]);
      expect(Array.from(idx.data)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    }
  });

  it('rejects other types, bad magic and wrong lengths', () => {
    const raw = makeIdx([4]);
    expect(() => parseIdx(raw.subarray(0, raw.length - 1), 'labels')).toThrow(/labels has 3 data bytes, expected 4/);
    const float = raw.slice();
    float[2] = 0x0d;
    expect(() => parseIdx(float)).toThrow(/type 0xd/);
    expect(() => parseIdx(Uint8Array.from([1, 2, 3, 4, 5]))).toThrow(/not an IDX file/);
  });
});
