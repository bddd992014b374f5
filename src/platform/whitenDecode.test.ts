import { describe, expect, it } from 'vitest';
import { sniffFormat } from './whitenDecode';

const bytes = (...b: number[]) => new Uint8Array([...b, ...new Array<number>(16).fill(0)]);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFormat', () => {
  it('recognises image containers by their first bytes, not their names', () => {
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFormat(text('GIF89a......'))).toBe('gif');
    expect(sniffFormat(text('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('webp');
    expect(sniffFormat(text('BM..........'))).toBe('bmp');
  });
  it('flags SVG and everything else', () => {
    expect(sniffFormat(text('  <svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
    expect(sniffFormat(text('<?xml version="1.0"?><svg>'))).toBe('svg');
    expect(sniffFormat(text('hello, not a picture'))).toBe('unknown');
    expect(sniffFormat(new Uint8Array(0))).toBe('unknown');
  });
});
