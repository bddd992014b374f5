import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { screenshot, waitForWhitening } from './support/app';

// Screenshots of the whitening view on every shipped sample (screenshots/whitening-<file>.png),
// for people to look at; the test only checks that each sample whitens.
const samples = JSON.parse(readFileSync('public/samples/index.json', 'utf8')) as { file: string; title: string }[];

test.setTimeout(180_000);

for (const sample of samples) {
  test(`screenshot: ${sample.title}`, async ({ page }) => {
    await page.goto(`/#/whitening?sample=${sample.file}`);
    await waitForWhitening(page);
    await expect(page.getByRole('button', { name: `Sample: ${sample.title}` })).toHaveAttribute('aria-pressed', 'true');
    await screenshot(page, `whitening-${sample.file.replace(/\.\w+$/, '')}`);
  });
}

test('screenshot: colour mode full page, then the dark theme', async ({ page }) => {
  await page.goto('/#/whitening?sample=chelsea.png&grey=0');
  await waitForWhitening(page);
  await screenshot(page, 'whitening-colour-full', true);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'whitening-colour-dark');
});
