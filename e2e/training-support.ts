// Helpers for the training dashboard's browser tests.
import { expect, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { BEHAVIOUR_BACKEND, type E2eBackend } from './support/backends';

/**
 * Small, fast settings (seeded) for tests; the whole configuration lives in the hash, with the
 * behaviour backend forced (see support/backends.ts). Tests of a backend replace `backend=cpu`.
 */
export const TINY = `dataset=mnist&model=mlp&norms=deconv,batchnorm&batch=16&evalEvery=5&evalSize=100&hz=4&seed=5&backend=${BEHAVIOUR_BACKEND}`;
export const TINY_CNN = TINY.replace('model=mlp', 'model=simple-cnn');

/** TINY on another backend (`auto` leaves the choice to the app). */
export function tinyOn(backend: E2eBackend | 'auto', query = TINY): string {
  return query.replace(/backend=\w+/, `backend=${backend}`);
}

export function trainingUrl(query = TINY): string {
  return `/${process.env.E2E_TRAINING_SEARCH ?? ''}#/training?${query}`;
}

export async function stepCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('step-readout').textContent()) ?? '';
  return Number(/step (\d+)/.exec(text)?.[1] ?? -1);
}

export async function waitReady(page: Page, timeout = 240_000): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', /ready|paused|finished/, { timeout });
}

export async function waitForSteps(page: Page, atLeast: number, timeout = 240_000): Promise<void> {
  await expect.poll(() => stepCount(page), { timeout, intervals: [250, 500, 1000] }).toBeGreaterThanOrEqual(atLeast);
}

/** Number of drawn points in each variant's loss path. */
export async function curvePoints(page: Page): Promise<Record<string, number>> {
  return page.getByTestId('loss-chart').evaluate((chart) => {
    const out: Record<string, number> = {};
    for (const group of chart.querySelectorAll('g[data-variant]')) {
      const d = group.querySelector('path')?.getAttribute('d') ?? '';
      out[group.getAttribute('data-variant') ?? '?'] = (d.match(/[ML]/g) ?? []).length;
    }
    return out;
  });
}

/** Spread of the pixels of every canvas inside a test id (0 for a blank canvas). */
export async function canvasSpread(page: Page, testId: string): Promise<number[]> {
  return page.getByTestId(testId).evaluate((node) =>
    [...node.querySelectorAll('canvas')].map((canvas) => {
      const ctx = canvas.getContext('2d');
      if (!ctx || canvas.width === 0) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<number>();
      for (let i = 0; i < data.length; i += 4) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      return seen.size;
    }),
  );
}

export async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(file) };
}

export async function exportedRun(
  page: Page,
): Promise<{ variants: { norm: string; losses: { step: number; loss: number }[] }[]; hash: string }> {
  const { bytes } = await downloadOf(page, () => page.getByTestId('export-json').click());
  return JSON.parse(bytes.toString('utf8'));
}
