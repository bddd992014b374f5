// Reads single pixels of the whitening view's canvases, by position as a fraction of the size.
import type { Page } from '@playwright/test';

export async function pixelAt(page: Page, testId: string, fx: number, fy: number): Promise<[number, number, number]> {
  return page.getByTestId(testId).evaluate(
    (node, [x, y]) => {
      const canvas = node as HTMLCanvasElement;
      const ctx = canvas.getContext('2d');
      if (!ctx) return [-1, -1, -1] as [number, number, number];
      const d = ctx.getImageData(Math.floor(x * canvas.width), Math.floor(y * canvas.height), 1, 1).data;
      return [d[0], d[1], d[2]] as [number, number, number];
    },
    [fx, fy],
  );
}

/** Largest per-channel difference between two colours. */
export function colourDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i])));
}
