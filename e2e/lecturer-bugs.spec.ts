// The bugs a lecturer met in the first minutes (issue #15), each checked where the audience sees it.
import { expect, test } from '@playwright/test';
import { waitForWhitening } from './support/app';
import { appUrl, hasWebgpu } from './support/backends';

test('a fresh Benchmark tab says its backend is chosen when you run, not "starting…"', async ({ page }) => {
  await page.goto(appUrl('/benchmark'));
  await expect(page.getByTestId('bench-view')).toHaveAttribute('data-probed', 'true');
  await expect(page.getByTestId('backend-indicator')).toHaveText('backend: chosen when you run');
});

test('the cost read-out says "ms/step:" once', async ({ page }) => {
  await page.goto('/?backend=cpu&fake-trainer#/training');
  const readout = page.getByTestId('cost-readout');
  await expect(readout).toHaveText('ms/step: measured after the first steps');
  await page.getByTestId('step-button').click();
  await expect(readout).toHaveText(/^ms\/step: deconv [\d.]+ ms/);
  expect((await readout.textContent())?.match(/ms\/step/g)).toHaveLength(1);
});

test('at K = 1 the whitened caption calls the output a centred, rescaled copy (not faint, not blurry)', async ({ page }) => {
  await page.goto(appUrl('/whitening?sample=chelsea.png&k=3&K=1'));
  await waitForWhitening(page);
  const caption = page.locator('figure', { has: page.getByTestId('whitened-canvas') }).locator('figcaption');
  await expect(caption).toContainText('centred, rescaled copy of the photo');
  await expect(caption).not.toContainText(/faint|blurr/i);
});

test('the backend popover names a SwiftShader adapter as a software GPU', async ({ page }, info) => {
  test.skip(!hasWebgpu(info.project.name), 'needs --enable-unsafe-webgpu (the SwiftShader adapter)');
  await page.goto('/?backend=webgpu#/training?backend=webgpu');
  await expect(page.getByTestId('backend-indicator')).toHaveAttribute('data-backend', 'webgpu', { timeout: 120_000 });
  await page.getByRole('button', { name: 'Why this backend?' }).click();
  await expect(page.getByTestId('backend-adapter')).toContainText(/swiftshader — a software GPU \(SwiftShader\)/i);
});
