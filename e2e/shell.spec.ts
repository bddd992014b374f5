import { expect, test } from '@playwright/test';
import { cspViolations, recordCspViolations, waitForWhitening, watchConsole } from './support/app';
import { makePng } from './support/images';

test.setTimeout(180_000);

test('tabs live in the hash, the theme toggles, the privacy note shows @fallback', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Deconv Lab' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Whitening' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('Your photos never leave this browser')).toBeVisible();
  await page.getByRole('link', { name: 'Training' }).click();
  await expect(page).toHaveURL(/#\/training/);
  await expect(page.getByRole('link', { name: 'Training' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('whitening-view')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByTestId('whitening-view')).toBeVisible();
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  console.assertClean();
});

test('the backend reason is one click away, and ?backend=cpu is honoured @fallback', async ({ page }) => {
  await page.goto('/?backend=cpu');
  await expect(page.getByTestId('backend-indicator')).toHaveText(/backend: CPU/);
  await page.getByRole('button', { name: 'Why this backend?' }).click();
  await expect(page.getByRole('note')).toContainText('cpu was requested explicitly');
  await expect(page.getByTestId('backend-notice')).toHaveCount(0);
});

test('runs under a strict Content-Security-Policy with no violations @fallback', async ({ page }) => {
  await recordCspViolations(page);
  const console = watchConsole(page);
  await page.goto('/');
  await waitForWhitening(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("worker-src 'self'");
  expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  expect(csp).toContain("'wasm-unsafe-eval'");
  await page.getByRole('link', { name: 'Training' }).click();
  await page.waitForTimeout(1000);
  expect(await cspViolations(page)).toEqual([]);
  console.assertClean();
});

test('an uploaded photo never leaves the browser: every request is same-origin @fallback', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/?backend=cpu');
  await waitForWhitening(page);
  await page
    .getByTestId('image-upload')
    .setInputFiles({ name: 'private.png', mimeType: 'image/png', buffer: makePng({ width: 40, height: 30 }) });
  await expect(page.getByTestId('original-canvas')).toHaveJSProperty('width', 40);
  await page.getByRole('link', { name: 'Training' }).click();
  await page.waitForTimeout(1000);
  const foreign = requests.filter((url) => !url.startsWith(`${baseURL}/`) && !url.startsWith('blob:') && !url.startsWith('data:'));
  expect(foreign).toEqual([]);
  expect(requests.some((url) => url.includes('private'))).toBe(false);
});
