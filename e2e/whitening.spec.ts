import { expect, test, type Page } from '@playwright/test';
import { answeredId, canvasStats, screenshot, waitForNextAnswer, waitForWhitening, watchConsole } from './support/app';
import { appUrl, hasWebgpu } from './support/backends';
import { makePng } from './support/images';

// Software WebGPU (SwiftShader) takes seconds per whitening: generous timeouts, no timing asserts.
test.setTimeout(300_000);

async function whitenedPixels(page: Page): Promise<number[]> {
  return page.getByTestId('whitened-canvas').evaluate((node) => {
    const c = node as HTMLCanvasElement;
    return Array.from(c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []);
  });
}

test('whitens the first sample on WebGPU and shows kernels, histograms and spectrum', async ({ page }, info) => {
  test.skip(!hasWebgpu(info.project.name), 'needs --enable-unsafe-webgpu');
  const console = watchConsole(page);
  await page.goto(appUrl('/whitening?engine=backend', 'webgpu'));
  await waitForWhitening(page);
  await expect(page.getByTestId('backend-indicator')).toContainText('WebGPU');
  await expect(page.getByTestId('backend-notice')).toHaveCount(0);
  const stats = await canvasStats(page, 'whitened-canvas');
  expect(stats.width).toBeGreaterThan(100);
  expect(stats.std).toBeGreaterThan(2);
  expect(stats.distinct).toBeGreaterThan(50);
  await expect(page.getByTestId('kernel-grid-whitening')).toBeVisible();
  await expect(page.getByTestId('histogram-after')).toBeVisible();
  await expect(page.getByTestId('spectrum-chart')).toBeVisible();
  await expect(page.getByTestId('measurement')).toContainText(/\d+ ms on WebGPU/);
  // Whitening makes the pixel distribution sparse (docs/algorithm.md §8): kurtosis goes up.
  const before = Number(await page.getByTestId('kurtosis-before').textContent());
  const after = Number(await page.getByTestId('kurtosis-after').textContent());
  expect(after).toBeGreaterThan(before);
  await expect(page.getByText('Your photos never leave this browser')).toBeVisible();
  await screenshot(page, 'whitening-webgpu');
  console.assertClean();
});

test('automatic choice without WebGPU: a fallback with a visible notice, and it whitens @fallback', async ({ page }, info) => {
  test.skip(info.project.name !== 'fallback', 'needs a browser without WebGPU');
  const console = watchConsole(page);
  await page.goto('/');
  await waitForWhitening(page);
  await expect(page.getByTestId('backend-indicator')).toContainText(/WebGL|WASM|CPU/);
  await expect(page.getByTestId('backend-notice')).toBeVisible();
  expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);
  await screenshot(page, 'whitening-fallback');
  console.assertClean();
});

test('iterations K = 5 vs 15: partial whitening is measurably different', async ({ page }) => {
  await page.goto(appUrl('/whitening?sample=chelsea.png&K=5'));
  await waitForWhitening(page);
  await expect(page.getByRole('button', { name: 'Sample: Chelsea the cat' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('iterations-slider')).toHaveValue('5');
  const k5 = { kurtosis: Number(await page.getByTestId('kurtosis-after').textContent()), pixels: await whitenedPixels(page) };
  const error5 = Number(await page.getByTestId('isqrt-error').textContent());
  const previous = await answeredId(page);
  await page.getByTestId('iterations-slider').fill('15');
  await waitForNextAnswer(page, previous);
  const k15 = { kurtosis: Number(await page.getByTestId('kurtosis-after').textContent()), pixels: await whitenedPixels(page) };
  const error15 = Number(await page.getByTestId('isqrt-error').textContent());
  expect(k15.kurtosis).toBeGreaterThan(k5.kurtosis);
  expect(error15).toBeLessThan(error5);
  let differing = 0;
  for (let i = 0; i < k5.pixels.length; i += 4) if (Math.abs(k5.pixels[i] - k15.pixels[i]) > 16) differing += 1;
  expect(differing / (k5.pixels.length / 4)).toBeGreaterThan(0.05);
  expect(page.url()).toContain('K=15');
});

test('uploads a PNG through the file input', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(appUrl('/whitening'));
  await waitForWhitening(page);
  const previous = await answeredId(page);
  await page
    .getByTestId('image-upload')
    .setInputFiles({ name: 'stripes.png', mimeType: 'image/png', buffer: makePng({ width: 80, height: 60 }) });
  await waitForNextAnswer(page, previous);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  const original = await canvasStats(page, 'original-canvas');
  expect([original.width, original.height]).toEqual([80, 60]);
  const whitened = await canvasStats(page, 'whitened-canvas');
  expect([whitened.width, whitened.height]).toEqual([80, 60]);
  expect(whitened.std).toBeGreaterThan(2);
  console.assertClean();
});

test('a crashed worker is restarted and the last image comes back', async ({ page }) => {
  await page.goto(appUrl('/whitening?sample=chelsea.png'));
  await waitForWhitening(page);
  const previous = await answeredId(page);
  await page.evaluate(() => window.deconvLabWhitening?.crashWorker());
  await expect(page.getByTestId('error-message')).toContainText('stopped unexpectedly');
  await waitForNextAnswer(page, previous);
  expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);
  await expect(page.getByTestId('backend-indicator')).toContainText('CPU');
});
