import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { headerSize, MAX_IMAGE_PIXELS, tooLargeMessage } from './whitenImageSize';

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

describe('headerSize for BMP and WebP', () => {
  const riff = (chunk: string, body: number[]) =>
    new Uint8Array([
      ...new TextEncoder().encode(`RIFF\u0000\u0000\u0000\u0000WEBP${chunk}\u0000\u0000\u0000\u0000`),
      ...body,
      ...new Array<number>(16).fill(0),
    ]);
  it('reads a BMP header, top-down (negative height) too', () => {
    const bmp = new Uint8Array(54);
    const view = new DataView(bmp.buffer);
    view.setInt32(18, 300, true);
    view.setInt32(22, -200, true);
    expect(headerSize('bmp', bmp)).toEqual({ width: 300, height: 200 });
  });
  it('reads the three WebP variants', () => {
    // VP8X: flags + 3 reserved bytes, then width−1 and height−1 as 24-bit little-endian.
    expect(headerSize('webp', riff('VP8X', [0, 0, 0, 0, 0x1f, 0x4e, 0x00, 0x0f, 0x27, 0x00]))).toEqual({ width: 20000, height: 10000 });
    // VP8L: signature 0x2f, then 14 bits width−1 and 14 bits height−1: 639 | (479 << 14).
    const bits = 639 | (479 << 14);
    expect(headerSize('webp', riff('VP8L', [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, bits >>> 24]))).toEqual({
      width: 640,
      height: 480,
    });
    // VP8 (lossy): 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
    expect(headerSize('webp', riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, 0x80, 0x02, 0xe0, 0x01]))).toEqual({ width: 640, height: 480 });
    expect(headerSize('webp', riff('ABCD', []))).toBeNull();
  });
});

describe('tooLargeMessage', () => {
  it('accepts images up to the limit and refuses larger ones, naming size, limit and memory', () => {
    expect(MAX_IMAGE_PIXELS).toBe(100_000_000);
    expect(tooLargeMessage('a.png', { width: 10000, height: 10000 })).toBeNull();
    expect(tooLargeMessage('a.png', { width: 10000, height: 10001 })).not.toBeNull();
    expect(tooLargeMessage('big.png', { width: 20000, height: 20000 })).toBe(
      '"big.png" is 20000×20000 px (400 megapixels); images above 100 megapixels are refused because decoding one would need 1.6 GB of memory. Shrink it first (to at most 1024 px on the long side is enough).',
    );
    expect(tooLargeMessage('pano.jpg', { width: 65535, height: 2000 }, 50_000_000)).toContain(
      '131.1 megapixels); images above 50 megapixels',
    );
  });
});
