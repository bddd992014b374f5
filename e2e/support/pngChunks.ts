// PNG files written chunk by chunk (no pixel buffer in memory), for images pngjs cannot make
// cheaply: a 20000×20000 picture that compresses to a few kilobytes, and 16-bit colour.
import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number, bitDepth: number, colourType: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.writeUInt8(bitDepth, 8);
  data.writeUInt8(colourType, 9);
  return chunk('IHDR', data);
}

function png(header: Buffer, rows: Buffer, extra: Buffer[] = []): Buffer {
  return Buffer.concat([SIGNATURE, header, ...extra, chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * A two-colour (1-bit palette) checkerboard of `square`-pixel squares. 20000×20000 costs 50 MB
 * of raw rows while building and about 60 kB as a file; a browser decoding it in full would need
 * 1.6 GB of RGBA.
 */
export function checkerboardPng(width: number, height: number, square = 500): Buffer {
  const rowBytes = Math.ceil(width / 8);
  const rowOf = (phase: 0 | 1) => {
    const row = Buffer.alloc(1 + rowBytes); // filter byte 0 (none), then 8 pixels per byte
    for (let x = 0; x < width; x += 1) {
      if ((Math.floor(x / square) + phase) % 2 === 1) row[1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
    return row;
  };
  const rows = [rowOf(0), rowOf(1)];
  const raw = Buffer.alloc((1 + rowBytes) * height);
  for (let y = 0; y < height; y += 1) rows[Math.floor(y / square) % 2].copy(raw, y * (1 + rowBytes));
  const palette = chunk('PLTE', Buffer.from([30, 60, 200, 240, 200, 40]));
  return png(ihdr(width, height, 1, 3), raw, [palette]);
}

/** Colour value at (x, y) of `gradientPng16`, 0..65535 per channel. */
export function gradient16(x: number, y: number, width: number, height: number): [number, number, number] {
  const stripes = ((x >> 3) + (y >> 3)) % 2 === 0 ? 12000 : 0;
  return [Math.round((x / width) * 50000) + stripes, Math.round((y / height) * 50000) + stripes, 30000 + stripes];
}

/** A 16-bit-per-channel RGB PNG (colour type 2, bit depth 16): gradients plus a checkerboard. */
export function gradientPng16(width: number, height: number): Buffer {
  const stride = 1 + width * 6;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      gradient16(x, y, width, height).forEach((value, c) => raw.writeUInt16BE(value, y * stride + 1 + x * 6 + c * 2));
    }
  }
  return png(ihdr(width, height, 16, 2), raw);
}
