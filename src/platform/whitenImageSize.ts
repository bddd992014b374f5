// Reads an image's pixel size from its header (PNG, JPEG, GIF, WebP, BMP), so huge images can be
// decoded straight to a smaller size, and images too large to decode at all are refused before
// the browser allocates their full bitmap.

export interface PixelSize {
  width: number;
  height: number;
}

function pngSize(b: Uint8Array): PixelSize | null {
  if (b.length < 24) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function gifSize(b: Uint8Array): PixelSize | null {
  if (b.length < 10) return null;
  return { width: b[6] | (b[7] << 8), height: b[8] | (b[9] << 8) };
}

/** Walks the JPEG markers up to the first start-of-frame (SOF0..SOF15 except DHT, JPG, DAC). */
function jpegSize(b: Uint8Array): PixelSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const length = (b[i + 2] << 8) | b[i + 3];
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[i + 5] << 8) | b[i + 6], width: (b[i + 7] << 8) | b[i + 8] };
    }
    i += 2 + length;
  }
  return null;
}

function bmpSize(b: Uint8Array): PixelSize | null {
  if (b.length < 26) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  // Negative heights mean top-down rows; the size is the absolute value.
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

/** WebP: lossy 'VP8 ', lossless 'VP8L' or extended 'VP8X' first chunk (RIFF header is 12 bytes). */
function webpSize(b: Uint8Array): PixelSize | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12], b[13], b[14], b[15]);
  const u24 = (i: number) => b[i] | (b[i + 1] << 8) | (b[i + 2] << 16);
  if (chunk === 'VP8X') return { width: 1 + u24(24), height: 1 + u24(27) };
  if (chunk === 'VP8L') {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ') return { width: (b[26] | (b[27] << 8)) & 0x3fff, height: (b[28] | (b[29] << 8)) & 0x3fff };
  return null;
}

const READERS: Record<string, (head: Uint8Array) => PixelSize | null> = {
  png: pngSize,
  gif: gifSize,
  jpeg: jpegSize,
  bmp: bmpSize,
  webp: webpSize,
};

export function headerSize(format: string, head: Uint8Array): PixelSize | null {
  const size = READERS[format]?.(head) ?? null;
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/**
 * Largest image, in pixels, that is decoded at all (100 megapixels, e.g. 10000×10000). Browsers
 * decode the whole picture before any downscaling: 4 bytes a pixel, so 400 MB at the limit, and a
 * 20000×20000 file would need 1.6 GB and half a minute, enough to kill the tab on many machines.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** The sentence refusing an image whose header says it is larger than MAX_IMAGE_PIXELS, or null. */
export function tooLargeMessage(name: string, size: PixelSize, limit = MAX_IMAGE_PIXELS): string | null {
  const pixels = size.width * size.height;
  if (pixels <= limit) return null;
  const megapixels = (n: number) => `${Math.round(n / 1e5) / 10} megapixels`;
  const gigabytes = ((pixels * 4) / 1e9).toFixed(1);
  return (
    `"${name}" is ${size.width}×${size.height} px (${megapixels(pixels)}); images above ${megapixels(limit)} are refused ` +
    `because decoding one would need ${gigabytes} GB of memory. Shrink it first (to at most 1024 px on the long side is enough).`
  );
}
