// Writes docs/screenshots/training.png and lecture-mode.png (1280x720) from a real short run.
// Run on purpose only: UPDATE_SCREENSHOTS=1 npx playwright test e2e/training-screenshots.spec.ts
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { stepCount, trainingUrl, waitForSteps, waitReady } from './training-support';

const OUT = 'docs/screenshots';
const QUERY =
  process.env.SCREENSHOT_QUERY ??
  'dataset=fashion-mnist&model=simple-cnn&norms=deconv,batchnorm&batch=32&evalEvery=20&evalSize=500&hz=4&seed=1&lr=0.05';

test('dashboard screenshots at 1280x720', async ({ page }) => {
  test.skip(!process.env.UPDATE_SCREENSHOTS, 'set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots');
  test.setTimeout(600_000);
  mkdirSync(OUT, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(trainingUrl(QUERY));
  await waitReady(page);
  await page.getByTestId('play-button').click();
  await waitForSteps(page, Number(process.env.SCREENSHOT_STEPS ?? 120), 540_000);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
  expect(await stepCount(page)).toBeGreaterThan(0);
  await page.mouse.move(5, 5);
  await page.screenshot({ path: `${OUT}/training.png` });
  await page.keyboard.press('f');
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${OUT}/lecture-mode.png` });
});
