// Test images made on the fly with pngjs: smooth gradients plus texture (so whitening has edges),
// and the upload helper the image tests share.
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';

export interface PngOptions {
  width: number;
  height: number;
  /** 'rgb' colour, 'grey' R=G=B, 'alpha' colour with a transparent half. */
  kind?: 'rgb' | 'grey' | 'alpha';
}

export function makePng({ width, height, kind = 'rgb' }: PngOptions): Buffer {
  const png = new PNG({ width, height });
  let seed = 12345;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 40;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      const stripes = ((x >> 3) + (y >> 3)) % 2 === 0 ? 60 : 0;
      const r = Math.min(255, (x / width) * 180 + stripes + noise());
      const g = Math.min(255, (y / height) * 180 + stripes + noise());
      const b = Math.min(255, 120 + stripes + noise());
      const grey = (r + g + b) / 3;
      png.data[i] = kind === 'grey' ? grey : r;
      png.data[i + 1] = kind === 'grey' ? grey : g;
      png.data[i + 2] = kind === 'grey' ? grey : b;
      png.data[i + 3] = kind === 'alpha' && x < width / 2 ? 0 : 255;
    }
  }
  return PNG.sync.write(png);
}

export interface Upload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Sends a file through the whitening view's upload input. */
export async function upload(page: Page, file: Upload): Promise<void> {
  await page.getByTestId('image-upload').setInputFiles(file);
}
