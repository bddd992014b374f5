// A projector (1024x768) and a laptop (1366x768): every view shows its controls and charts
// without sideways scrolling, overlapping panels or chart text cut off; the training view shows
// the loss chart above the fold; lecture mode too.
import { expect, test, type Page } from '@playwright/test';
import { TOUR_LENGTH } from '../src/state/tour';
import { appUrl } from './support/backends';
import { waitForWhitening } from './support/app';
import { layoutProblems } from './support/layoutProblems';
import { waitForSteps, waitReady } from './training-support';

const SIZES = [
  { width: 1024, height: 768, what: 'projector' },
  { width: 1366, height: 768, what: 'laptop' },
] as const;

/** The one-epoch preset's defaults with the fake trainer: kernels and histograms after one quick step. */
const TRAINING_URL = '/?backend=cpu&fake-trainer#/training';

async function trainOneStep(page: Page): Promise<void> {
  await page.goto(TRAINING_URL);
  await waitReady(page);
  await page.getByTestId('step-button').click();
  await waitForSteps(page, 1);
  await expect(page.getByTestId('sparsity-histogram').locator('svg')).toBeVisible();
  await expect(page.locator('.panel-kernels canvas').first()).toBeVisible();
}

for (const size of SIZES) {
  test.describe(`${size.what} ${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('whitening: no sideways scrolling, every figure and chart whole', async ({ page }) => {
      await page.goto(appUrl('/whitening?sample=chelsea.png'));
      await waitForWhitening(page);
      await expect(page.getByTestId('spectrum-chart')).toBeVisible();
      await expect(page.getByTestId('near-zero-after')).toBeVisible();
      expect(await layoutProblems(page)).toEqual([]);
      // The whitened near-zero figure is on screen, not pushed out to the right.
      const nearZero = await page.getByTestId('near-zero-after').boundingBox();
      expect(nearZero && nearZero.x + nearZero.width).toBeLessThanOrEqual(size.width);
    });

    test('training: the loss chart above the fold, panels apart, axis labels inside their charts', async ({ page }) => {
      await trainOneStep(page);
      expect(await layoutProblems(page)).toEqual([]);
      const chart = await page.getByTestId('loss-chart').locator('svg').boundingBox();
      expect(chart).not.toBeNull();
      expect(chart!.y, 'loss chart top').toBeLessThan(size.height);
      expect(chart!.y + chart!.height, 'loss chart bottom').toBeLessThanOrEqual(size.height);
    });

    test('training in lecture mode: each panel whole, labels inside their charts', async ({ page }) => {
      await trainOneStep(page);
      await page.keyboard.press('f');
      const view = page.locator('.training-view');
      for (let i = 0; i < 3; i++) {
        const panel = await view.getAttribute('data-lecture-panel');
        await expect(page.locator(`.panel[data-panel="${panel}"]`)).toBeVisible();
        expect(await layoutProblems(page), `lecture panel ${panel}`).toEqual([]);
        await page.keyboard.press('ArrowRight');
        await expect(view).not.toHaveAttribute('data-lecture-panel', panel ?? '');
      }
    });

    test('tour: every step without sideways scrolling or overlapping panels', async ({ page }) => {
      for (let step = 1; step <= TOUR_LENGTH; step++) {
        await page.goto(`/?backend=cpu&fake-trainer#/tour?step=${step}`);
        await expect(page.getByTestId('tour')).toHaveAttribute('data-step', String(step));
        await expect(page.getByTestId('tour-step')).toBeVisible();
        expect(await layoutProblems(page), `tour step ${step}`).toEqual([]);
      }
    });

    test('benchmark: controls and table without sideways scrolling', async ({ page }) => {
      await page.goto(appUrl('/benchmark'));
      await expect(page.getByTestId('bench-view')).toHaveAttribute('data-probed', 'true');
      expect(await layoutProblems(page)).toEqual([]);
    });
  });
}
