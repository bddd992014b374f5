// Shared e2e helpers: console-error capture, waiting for a whitening result, screenshots.
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const SCREENSHOT_DIR = path.resolve('screenshots');

/** Collects console errors and uncaught page errors; call `assertClean()` at the end of a test. */
export function watchConsole(page: Page, allow: RegExp[] = []) {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !allow.some((re) => re.test(msg.text()))) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return {
    errors,
    assertClean: () => expect(errors, 'console errors').toEqual([]),
  };
}

/** Waits until the whitening view has answered its newest request. */
export async function waitForWhitening(page: Page, timeout = 90_000): Promise<void> {
  const view = page.getByTestId('whitening-view');
  await expect(view).toHaveAttribute('data-status', /ready|failed/, { timeout });
  if ((await view.getAttribute('data-status')) === 'failed') {
    throw new Error(`whitening failed: ${await page.getByTestId('error-message').textContent()}`);
  }
  await expect
    .poll(
      async () => {
        const requested = Number(await view.getAttribute('data-requested'));
        const answered = Number(await view.getAttribute('data-answered'));
        return requested > 0 && answered >= requested;
      },
      { timeout },
    )
    .toBe(true);
}

/** Waits for one more answer than the current one (after a change). */
export async function waitForNextAnswer(page: Page, previousAnswered: number, timeout = 90_000): Promise<void> {
  const view = page.getByTestId('whitening-view');
  await expect.poll(async () => Number(await view.getAttribute('data-answered')), { timeout }).toBeGreaterThan(previousAnswered);
  await waitForWhitening(page, timeout);
}

export async function answeredId(page: Page): Promise<number> {
  return Number(await page.getByTestId('whitening-view').getAttribute('data-answered'));
}

/** Statistics of a canvas's pixels: spread of luminance and share of distinct values. */
export async function canvasStats(page: Page, testId: string): Promise<{ width: number; height: number; std: number; distinct: number }> {
  return page.getByTestId(testId).evaluate((node) => {
    const canvas = node as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return { width: 0, height: 0, std: 0, distinct: 0 };
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    let sq = 0;
    const seen = new Set<number>();
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const v = (data[i] + data[i + 1] + data[i + 2]) / 3;
      sum += v;
      sq += v * v;
      seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    const mean = sum / n;
    return { width: canvas.width, height: canvas.height, std: Math.sqrt(sq / n - mean * mean), distinct: seen.size };
  });
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  return file;
}

/** Starts recording Content-Security-Policy violations (call before `page.goto`). */
export async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** The violations recorded since `recordCspViolations`. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}
