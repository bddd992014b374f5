import { expect, test } from '@playwright/test';
import { canvasStats, screenshot, waitForWhitening, watchConsole } from './support/app';

test('whitens the first sample on WebGPU and shows kernels, histograms and spectrum', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto('/');
  await waitForWhitening(page);
  await expect(page.getByTestId('backend-indicator')).toContainText('WebGPU');
  const stats = await canvasStats(page, 'whitened-canvas');
  expect(stats.width).toBeGreaterThan(100);
  expect(stats.std).toBeGreaterThan(2);
  expect(stats.distinct).toBeGreaterThan(50);
  await expect(page.getByTestId('kernel-grid-whitening')).toBeVisible();
  await expect(page.getByTestId('histogram-after')).toBeVisible();
  await expect(page.getByTestId('spectrum-chart')).toBeVisible();
  await screenshot(page, 'whitening-first');
  console.assertClean();
});
