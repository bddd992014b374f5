import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { headerSize } from './whitenImageSize';

describe('headerSize', () => {
  it('reads PNG and JPEG sizes from their headers', () => {
    const png = PNG.sync.write(new PNG({ width: 37, height: 21 }));
    expect(headerSize('png', new Uint8Array(png))).toEqual({ width: 37, height: 21 });
    const raw = { data: Buffer.alloc(45 * 19 * 4, 128), width: 45, height: 19 };
    const jpg = jpeg.encode(raw, 80).data;
    expect(headerSize('jpeg', new Uint8Array(jpg))).toEqual({ width: 45, height: 19 });
  });
  it('reads GIF sizes and gives up on truncated or unknown data', () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x4e, 0x10, 0x27]);
    expect(headerSize('gif', gif)).toEqual({ width: 20000, height: 10000 });
    expect(headerSize('png', new Uint8Array(10))).toBeNull();
    expect(headerSize('jpeg', new Uint8Array([0xff, 0xd8, 0x00]))).toBeNull();
    expect(headerSize('webp', new Uint8Array(64))).toBeNull();
  });
});
