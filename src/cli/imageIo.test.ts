import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { decodeImage, encodeSymmetricPng, encodeUnitPng, sniffFormat } from './imageIo';

describe('imageIo', () => {
  it('round-trips an RGB PNG to [0,1] floats', () => {
    const values = Float32Array.from({ length: 4 * 3 * 3 }, (_, i) => (i % 256) / 255);
    const decoded = decodeImage(encodeUnitPng(values, 4, 3, 3), 'x.png');
    expect(decoded).toMatchObject({ width: 4, height: 3, channels: 3, format: 'png', hadAlpha: false });
    decoded.data.forEach((v, i) => expect(v).toBeCloseTo(values[i], 6));
  });

  it('detects grey images (R = G = B) as one channel and reports transparency', () => {
    const grey = decodeImage(encodeUnitPng(Float32Array.of(0, 0.5, 1, 0.25), 2, 2, 1, 128), 'g.png');
    expect(grey.channels).toBe(1);
    expect(grey.hadAlpha).toBe(true);
    expect(grey.data[2]).toBe(1);
  });

  it('decodes a JPEG by its signature, whatever the name', () => {
    const rgba = new Uint8Array(8 * 8 * 4).map((_, i) => (i % 4 === 3 ? 255 : (i * 7) % 256));
    const bytes = jpeg.encode({ data: rgba, width: 8, height: 8 }, 95).data;
    expect(sniffFormat(bytes)).toBe('jpeg');
    const decoded = decodeImage(bytes, 'photo.png');
    expect(decoded).toMatchObject({ width: 8, height: 8, format: 'jpeg' });
  });

  it('rejects empty, non-image and corrupt files with one-line messages', () => {
    expect(() => decodeImage(new Uint8Array(0), 'e.png')).toThrow('e.png is empty');
    expect(() => decodeImage(new TextEncoder().encode('hello'), 'a.txt')).toThrow('a.txt is not a PNG or JPEG image');
    const truncated = encodeUnitPng(new Float32Array(64 * 3), 8, 8, 3).subarray(0, 40);
    expect(() => decodeImage(truncated, 'cut.png')).toThrow(/cut.png could not be decoded as PNG/);
  });

  it('maps the symmetric range to [0,255] with 0 -> 128, clamping beyond', () => {
    const bytes = encodeSymmetricPng(Float32Array.of(-2, -1, 0, 1, 2, 0.5), 3, 2, 1, 1);
    const png = PNG.sync.read(bytes);
    expect([0, 1, 2, 3, 4, 5].map((p) => png.data[4 * p])).toEqual([0, 0, 128, 255, 255, 191]);
    expect(png.data[1]).toBe(png.data[0]);
  });
});
