// Reads an image's pixel size from its header (PNG, JPEG, GIF), so huge images can be decoded
// straight to a smaller size instead of allocating the full bitmap first.

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

export function headerSize(format: string, head: Uint8Array): PixelSize | null {
  const size = format === 'png' ? pngSize(head) : format === 'gif' ? gifSize(head) : format === 'jpeg' ? jpegSize(head) : null;
  return size && size.width > 0 && size.height > 0 ? size : null;
}
