import { expect, test, type Page } from '@playwright/test';
import { screenshot, waitForWhitening, watchConsole } from './support/app';
import { appUrl } from './support/backends';

// Dragging the K slider on a colour photo (issue #15): the worker answers while the drag goes on and
// drops stale work; whatever arrives in between, the view ends on the full result for the last K,
// the same pixels and readouts as that K loaded fresh. Screenshot: screenshots/whitening-kdrag-colour.png.

test.setTimeout(180_000);

const ROUTE = '/whitening?sample=astronaut.jpg&grey=0&k=3';

/** A digest of the whitened canvas's pixels and the readouts shown beside it. */
async function shown(page: Page): Promise<{ pixels: string; kurtosis: string | null; iters: string | null }> {
  const pixels = await page.getByTestId('whitened-canvas').evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    let hash = 2166136261;
    for (let i = 0; i < data.length; i += 1) hash = Math.imul(hash ^ data[i], 16777619);
    return `${canvas.width}x${canvas.height}:${(hash >>> 0).toString(16)}`;
  });
  return {
    pixels,
    kurtosis: await page.getByTestId('kurtosis-after').textContent(),
    iters: await page.getByTestId('measurement').getAttribute('data-iters'),
  };
}

/** Records every K the measurement line reports, in order, from DOM mutations. */
async function recordReportedK(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { reportedK: number[] }).reportedK = seen;
    new MutationObserver(() => {
      const k = Number(document.querySelector('[data-testid="measurement"]')?.getAttribute('data-iters'));
      if (k && seen[seen.length - 1] !== k) seen.push(k);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-iters'] });
  });
}

test('a drag of the K slider on a colour photo ends on the full result for the last K, as if loaded fresh', async ({ page, context }) => {
  const console = watchConsole(page);
  await page.goto(appUrl(`${ROUTE}&K=1`));
  await waitForWhitening(page);
  await expect(page.getByTestId('measurement')).toHaveAttribute('data-iters', '1');
  await recordReportedK(page);

  // Mouse drag from the thumb at K = 1 to K = 15 (the README's "drag K from 1 to 15"), through every K on the way.
  const slider = page.getByTestId('iterations-slider');
  const box = await slider.boundingBox();
  if (!box) throw new Error('the K slider has no box');
  const min = Number(await slider.getAttribute('min'));
  const max = Number(await slider.getAttribute('max'));
  const xAt = (k: number) => box.x + ((k - min) / (max - min)) * box.width;
  const y = box.y + box.height / 2;
  await page.mouse.move(xAt(1), y);
  await page.mouse.down();
  await page.mouse.move(xAt(15), y, { steps: 40 });
  await page.mouse.up();
  const last = await slider.inputValue();
  expect(Math.abs(Number(last) - 15)).toBeLessThanOrEqual(1);

  await waitForWhitening(page);
  await expect(page.getByTestId('measurement')).toHaveAttribute('data-iters', last);
  const reported = await page.evaluate(() => (window as unknown as { reportedK: number[] }).reportedK);
  // Some answers may have been dropped as stale; the last one shown is the last K.
  expect(reported[reported.length - 1]).toBe(Number(last));
  const dragged = await shown(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await screenshot(page, 'whitening-kdrag-colour', true);

  const fresh = await context.newPage();
  await fresh.goto(appUrl(`${ROUTE}&K=${last}`));
  await waitForWhitening(fresh);
  expect(await shown(fresh)).toEqual(dragged);
  console.assertClean();
});
