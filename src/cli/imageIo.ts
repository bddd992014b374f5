// PNG/JPEG decoding to [0, 1] HWC floats and PNG encoding of whitened images, under Node
// (pngjs, jpeg-js). The format is recognised by its signature bytes, not the file name.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { CliError } from './cliError';

export interface DecodedImage {
  /** HWC, values in [0, 1]. */
  data: Float32Array;
  height: number;
  width: number;
  /** 1 when every pixel has R = G = B (grey PNGs and grey JPEGs), else 3. */
  channels: 1 | 3;
  format: 'png' | 'jpeg';
  /** The file had transparent pixels; transparency is ignored (colour values are used as they are). */
  hadAlpha: boolean;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffFormat(bytes: Uint8Array): 'png' | 'jpeg' | undefined {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

function rgbaToImage(rgba: Uint8Array, width: number, height: number, format: 'png' | 'jpeg'): DecodedImage {
  const pixels = width * height;
  let grey = true;
  let hadAlpha = false;
  for (let p = 0; p < pixels && (grey || !hadAlpha); p += 1) {
    const o = 4 * p;
    if (rgba[o] !== rgba[o + 1] || rgba[o] !== rgba[o + 2]) grey = false;
    if (rgba[o + 3] !== 255) hadAlpha = true;
  }
  const channels = grey ? 1 : 3;
  const data = new Float32Array(pixels * channels);
  for (let p = 0; p < pixels; p += 1) for (let c = 0; c < channels; c += 1) data[p * channels + c] = rgba[4 * p + c] / 255;
  return { data, height, width, channels, format, hadAlpha };
}

/** Decodes PNG or JPEG bytes; `name` only appears in error messages. */
export function decodeImage(bytes: Uint8Array, name: string): DecodedImage {
  if (bytes.length === 0) throw new CliError(`${name} is empty`);
  const format = sniffFormat(bytes);
  if (format === undefined) throw new CliError(`${name} is not a PNG or JPEG image`);
  try {
    if (format === 'png') {
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return rgbaToImage(png.data, png.width, png.height, format);
    }
    const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
    return rgbaToImage(decoded.data, decoded.width, decoded.height, format);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`${name} could not be decoded as ${format.toUpperCase()} (${reason.split('\n')[0]})`);
  }
}

/** Maps [-range, range] to [0, 255] (0 -> 128), clamping beyond; 1 or 3 channels HWC. Returns PNG bytes. */
export function encodeSymmetricPng(values: Float32Array, width: number, height: number, channels: 1 | 3, range: number): Buffer {
  const png = new PNG({ width, height });
  const scale = 127.5 / (range > 0 ? range : 1);
  for (let p = 0; p < width * height; p += 1) {
    for (let c = 0; c < 3; c += 1) {
      const v = values[p * channels + (channels === 1 ? 0 : c)];
      png.data[4 * p + c] = Math.min(255, Math.max(0, Math.round(127.5 + v * scale)));
    }
    png.data[4 * p + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** 8-bit RGBA PNG bytes from [0, 1] HWC values (used by tests to make input files). */
export function encodeUnitPng(values: Float32Array, width: number, height: number, channels: 1 | 3, alpha = 255): Buffer {
  const png = new PNG({ width, height });
  for (let p = 0; p < width * height; p += 1) {
    for (let c = 0; c < 3; c += 1)
      png.data[4 * p + c] = Math.round(255 * Math.min(1, Math.max(0, values[p * channels + (channels === 1 ? 0 : c)])));
    png.data[4 * p + 3] = alpha;
  }
  return PNG.sync.write(png);
}
