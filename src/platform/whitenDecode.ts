// Decodes a user's file (or a sample URL) into [0, 1] HWC pixels inside the worker, with a clear
// sentence for every way an input can be wrong. Runs with createImageBitmap + OffscreenCanvas.
import { headerSize, tooLargeMessage, type PixelSize } from './whitenImageSize';
import { MAX_IMAGE_SIDE, type WhitenErrorCode } from './whitenProtocol';

export class InputError extends Error {
  constructor(
    readonly code: WhitenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface DecodedImage {
  /** HWC in [0, 1], channels 1 (greyscale file) or 3. Alpha is composited on white. */
  data: Float32Array;
  width: number;
  height: number;
  channels: 1 | 3;
  sourceWidth: number;
  sourceHeight: number;
  notices: string[];
  bitmap: ImageBitmap;
}

type Format = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp' | 'avif' | 'svg' | 'unknown';

/** Recognises the container from its first bytes (the MIME type of a File is only its extension). */
export function sniffFormat(head: Uint8Array): Format {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50) return 'webp';
  if (starts(0x42, 0x4d)) return 'bmp';
  if (head[4] === 0x66 && head[5] === 0x74 && head[6] === 0x79 && head[7] === 0x70) return 'avif';
  const text = new TextDecoder().decode(head).trimStart().toLowerCase();
  if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('svg'))) return 'svg';
  return 'unknown';
}

const FORMAT_NAMES: Record<Format, string> = {
  png: 'PNG',
  jpeg: 'JPEG',
  gif: 'GIF',
  webp: 'WebP',
  bmp: 'BMP',
  avif: 'AVIF',
  svg: 'SVG',
  unknown: 'unknown',
};

/** Bytes read to find the format and the pixel size (JPEG size markers can follow long EXIF blocks). */
const HEADER_BYTES = 256 * 1024;

/** Decoding options: straight to at most MAX_IMAGE_SIDE when the header gives the size. */
function decodeOptions(size: PixelSize | null): ImageBitmapOptions {
  const options: ImageBitmapOptions = { premultiplyAlpha: 'none', colorSpaceConversion: 'default' };
  if (!size) return options;
  const scale = MAX_IMAGE_SIDE / Math.max(size.width, size.height);
  if (scale >= 1) return options;
  return {
    ...options,
    resizeWidth: Math.max(1, Math.round(size.width * scale)),
    resizeHeight: Math.max(1, Math.round(size.height * scale)),
    resizeQuality: 'high',
  };
}

export async function decodeImage(name: string, blob: Blob): Promise<DecodedImage> {
  if (blob.size === 0) throw new InputError('empty', `"${name}" is empty (0 bytes), so there is no picture to whiten.`);
  const head = new Uint8Array(await blob.slice(0, HEADER_BYTES).arrayBuffer());
  const format = sniffFormat(head.subarray(0, 64));
  if (format === 'svg') {
    throw new InputError('unsupported', `"${name}" is an SVG drawing; please use a photo (PNG, JPEG, WebP, GIF or BMP).`);
  }
  if (format === 'unknown') {
    throw new InputError('not-image', `"${name}" is not an image: choose a PNG, JPEG, WebP, GIF or BMP photo.`);
  }
  const size = headerSize(format, head);
  const tooLarge = size && tooLargeMessage(name, size);
  if (tooLarge) throw new InputError('too-large', tooLarge);
  let source: ImageBitmap;
  try {
    source = await createImageBitmap(blob, decodeOptions(size));
  } catch {
    throw new InputError(
      'corrupt',
      `"${name}" looks like a ${FORMAT_NAMES[format]} file but could not be decoded: it may be truncated or damaged.`,
    );
  }
  try {
    return rasterise(source, format, size ?? { width: source.width, height: source.height });
  } finally {
    source.close();
  }
}

function rasterise(source: ImageBitmap, format: Format, original: PixelSize): DecodedImage {
  const notices: string[] = [];
  const { width: sourceWidth, height: sourceHeight } = original;
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(sourceWidth, sourceHeight));
  const width = Math.max(1, Math.round(sourceWidth * scale));
  const height = Math.max(1, Math.round(sourceHeight * scale));
  if (scale < 1) {
    notices.push(
      `Downscaled from ${sourceWidth}×${sourceHeight} to ${width}×${height} px (the maximum is ${MAX_IMAGE_SIDE} px on the long side).`,
    );
  }
  if (format === 'gif') notices.push('Only the first frame of the GIF is used.');

  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new InputError('compute', 'This browser cannot draw images off screen (no 2D OffscreenCanvas).');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
  const raw = ctx.getImageData(0, 0, width, height).data;
  let hasAlpha = false;
  for (let i = 3; i < raw.length; i += 4) {
    if (raw[i] < 255) {
      hasAlpha = true;
      break;
    }
  }
  if (hasAlpha) {
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.globalCompositeOperation = 'source-over';
    notices.push('The transparency (alpha channel) was dropped: transparent areas are treated as white.');
  }
  const rgba = hasAlpha ? ctx.getImageData(0, 0, width, height).data : raw;
  const grey = isGrey(rgba);
  if (grey) notices.push('This is a greyscale image: it is whitened as one channel.');
  const channels = grey ? 1 : 3;
  const data = new Float32Array(width * height * channels);
  for (let p = 0, q = 0; p < width * height; p += 1, q += 4) {
    if (grey) {
      data[p] = rgba[q] / 255;
    } else {
      data[p * 3] = rgba[q] / 255;
      data[p * 3 + 1] = rgba[q + 1] / 255;
      data[p * 3 + 2] = rgba[q + 2] / 255;
    }
  }
  return { data, width, height, channels, sourceWidth, sourceHeight, notices, bitmap: canvas.transferToImageBitmap() };
}

function isGrey(rgba: Uint8ClampedArray): boolean {
  for (let q = 0; q < rgba.length; q += 4) {
    if (rgba[q] !== rgba[q + 1] || rgba[q] !== rgba[q + 2]) return false;
  }
  return true;
}

/** Converts a webcam frame to [0, 1] HWC RGB, downscaled to `maxSide`. */
export function frameToPixels(frame: ImageBitmap, maxSide: number): { data: Float32Array; width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(frame.width, frame.height));
  const width = Math.max(1, Math.round(frame.width * scale));
  const height = Math.max(1, Math.round(frame.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new InputError('frame', 'This browser cannot draw video frames off screen.');
  ctx.drawImage(frame, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const data = new Float32Array(width * height * 3);
  for (let p = 0, q = 0; p < width * height; p += 1, q += 4) {
    data[p * 3] = rgba[q] / 255;
    data[p * 3 + 1] = rgba[q + 1] / 255;
    data[p * 3 + 2] = rgba[q + 2] / 255;
  }
  return { data, width, height };
}
