import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { answeredId, screenshot, waitForNextAnswer, waitForWhitening } from './support/app';
import { appUrl } from './support/backends';

// Screenshots of the whitening view on every shipped sample (screenshots/whitening-<file>.png),
// for people to look at; the test only checks that each sample whitens. E2E_UPDATE_DOCS=1 also
// refreshes the README figure docs/screenshots/whitening.png.
const samples = JSON.parse(readFileSync('public/samples/index.json', 'utf8')) as { file: string; title: string }[];

test.setTimeout(180_000);

for (const sample of samples) {
  test(`screenshot: ${sample.title}`, async ({ page }) => {
    await page.goto(appUrl(`/whitening?sample=${sample.file}`));
    await waitForWhitening(page);
    await expect(page.getByRole('button', { name: `Sample: ${sample.title}` })).toHaveAttribute('aria-pressed', 'true');
    await screenshot(page, `whitening-${sample.file.replace(/\.\w+$/, '')}`);
  });
}

test('screenshot: colour mode full page, then the dark theme', async ({ page }) => {
  await page.goto(appUrl('/whitening?sample=chelsea.png&grey=0'));
  await waitForWhitening(page);
  await screenshot(page, 'whitening-colour-full', true);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'whitening-colour-dark');
});

test('screenshot: partial whitening at K = 1, 5, 15, and the README figure', async ({ page }) => {
  await page.goto(appUrl('/whitening?sample=chelsea.png&K=1'));
  await waitForWhitening(page);
  await screenshot(page, 'whitening-K01');
  for (const k of ['5', '15']) {
    const previous = await answeredId(page);
    await page.getByTestId('iterations-slider').fill(k);
    await waitForNextAnswer(page, previous);
    await screenshot(page, `whitening-K${k.padStart(2, '0')}`);
  }
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const full = await screenshot(page, 'whitening-readme', true);
  if (process.env.E2E_UPDATE_DOCS) {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(full, 'docs/screenshots/whitening.png');
  }
});
