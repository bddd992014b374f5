import { expect, test } from '@playwright/test';
import { screenshot, waitForWhitening, watchConsole } from './support/app';
import { appUrl } from './support/backends';

// Chromium runs with --use-fake-device-for-media-stream --use-fake-ui-for-media-stream (playwright.config.ts).
test.setTimeout(300_000);

test('webcam mode whitens live frames and reports frames per second', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(appUrl('/whitening?sample=chelsea.png'));
  await waitForWhitening(page);
  await page.getByTestId('webcam-button').click();
  const fps = page.getByTestId('webcam-fps');
  await expect(fps).toBeVisible();
  await expect.poll(async () => Number(await fps.getAttribute('data-fps')), { timeout: 240_000 }).toBeGreaterThan(0);
  await expect(page.getByTestId('backend-indicator')).toContainText('CPU');
  const text = await fps.textContent();
  test.info().annotations.push({ type: 'fps', description: `${text} (${await page.getByTestId('measurement').textContent()})` });
  await screenshot(page, 'whitening-webcam');
  await page.getByTestId('webcam-button').click();
  await expect(fps).toHaveCount(0);
  console.assertClean();
});

for (const [name, message] of [
  ['NotAllowedError', /Camera access was refused/],
  ['NotFoundError', /No camera was found/],
] as const) {
  test(`a camera failure (${name}) gets a clear message @fallback`, async ({ page }) => {
    await page.addInitScript((errorName) => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('blocked in this test', errorName));
    }, name);
    await page.goto('/?backend=cpu#/whitening?sample=chelsea.png');
    await waitForWhitening(page);
    await page.getByTestId('webcam-button').click();
    await expect(page.getByTestId('error-message')).toHaveText(message);
    await expect(page.getByTestId('webcam-fps')).toHaveCount(0);
    await expect(page.getByTestId('kernel-grid-whitening')).toBeVisible();
  });
}
