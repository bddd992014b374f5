// Helpers for the rapid-interaction and hidden-tab tests: a seeded generator, the training
// dashboard's diagnostics, and the page's visibility.
import type { Page } from '@playwright/test';
import { mulberry32 } from '../../src/core/mulberry32';

/** Seeded generator in [0, 1) (so a failing sequence of clicks can be replayed): the project's one PRNG. */
export const seeded = mulberry32;

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

export interface Diagnostics {
  workerAnswered: boolean;
  step?: number;
  state?: string;
  memory?: { numTensors: number; numBytes: number; numDataBuffers: number };
  ui: { step: number; state: string; variants: { norm: string; points: number; diverged: boolean }[] };
}

export async function diagnostics(page: Page): Promise<Diagnostics> {
  return page.evaluate(() => (window as unknown as { deconvLab: { diagnostics: () => Promise<Diagnostics> } }).deconvLab.diagnostics());
}

/** FNV-1a hash of the pixels of a canvas, or of every canvas inside the element with this test id. */
export async function canvasDigest(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((node) => {
    const canvases = node instanceof HTMLCanvasElement ? [node] : [...node.querySelectorAll('canvas')];
    let hash = 0x811c9dc5;
    const sizes: string[] = [];
    for (const canvas of canvases) {
      sizes.push(`${canvas.width}x${canvas.height}`);
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) continue;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 0x01000193) >>> 0;
    }
    return `${sizes.join(',')}:${hash.toString(16)}`;
  });
}
