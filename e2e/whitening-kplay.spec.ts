import { expect, test, type Page } from '@playwright/test';
import { waitForWhitening, watchConsole } from './support/app';
import { appUrl } from './support/backends';

test.setTimeout(180_000);

/** Records every K the measurement line reports, in order, from DOM mutations (no polling of the clock). */
async function recordReportedK(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { reportedK: number[] }).reportedK = seen;
    const note = () => {
      const k = Number(document.querySelector('[data-testid="measurement"]')?.getAttribute('data-iters'));
      if (k && seen[seen.length - 1] !== k) seen.push(k);
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-iters'],
    });
  });
}

const reportedK = (page: Page) => page.evaluate(() => (window as unknown as { reportedK: number[] }).reportedK);

test('play animates K from 1 to 15, showing a result for every K, and stops there', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(appUrl('/whitening?K=7'));
  await waitForWhitening(page);
  await expect(page.getByTestId('measurement')).toHaveAttribute('data-iters', '7');
  await recordReportedK(page);

  const play = page.getByTestId('k-play');
  // Keyboard: focus the button and press Enter.
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(play).toHaveAttribute('aria-pressed', 'false', { timeout: 120_000 });
  await waitForWhitening(page);

  await expect(page.getByTestId('iterations-slider')).toHaveValue('15');
  await expect(page.getByTestId('measurement')).toHaveAttribute('data-iters', '15');
  // The K the page showed before, then every K of the animation once, in order.
  expect(await reportedK(page)).toEqual([7, ...Array.from({ length: 15 }, (_, i) => i + 1)]);
  console.assertClean();
});

test('pressing play again, or touching the K slider, stops the animation', async ({ page }) => {
  await page.goto(appUrl('/whitening?K=3'));
  await waitForWhitening(page);
  const play = page.getByTestId('k-play');
  await play.focus();
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await waitForWhitening(page);
  const stoppedAt = await page.getByTestId('iterations-slider').inputValue();
  expect(Number(stoppedAt)).toBeLessThan(15);
  await expect(page.getByTestId('measurement')).toHaveAttribute('data-iters', stoppedAt);

  await play.click();
  await expect(play).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('iterations-slider').fill('20');
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await waitForWhitening(page);
  await expect(page.getByTestId('measurement')).toHaveAttribute('data-iters', '20');
  await expect(page.getByTestId('iterations-slider')).toHaveValue('20');
});
