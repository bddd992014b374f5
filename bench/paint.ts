// First paint of the built app: serves the dist of `measureBundle` with `vite preview`, opens it in
// headless Chromium (WebGPU enabled, as a user's browser would have it) and reads
// first-contentful-paint plus the moments the whitening view appears and shows its first result.
import type { BenchRow } from '../src/bench/types';
import { preview } from 'vite';
import { valueRow } from '../src/bench/rows';
import { launchChromium } from './browser';

export const PAINT_GROUP = 'first_paint';
const VIEW = '[data-testid="whitening-view"]';
const RESULT = '[data-testid="whiten-ms"]';

interface PaintTimes {
  fcp?: number;
  view?: number;
  result?: number;
}

/** Runs in the page before its own scripts: records when the view and its first result appear. */
function observe(selectors: { view: string; result: string }): void {
  const marks: Record<string, number> = {};
  (window as Window & { benchPaint?: Record<string, number> }).benchPaint = marks;
  const check = () => {
    if (marks.view === undefined && document.querySelector(selectors.view)) marks.view = performance.now();
    if (marks.result === undefined && document.querySelector(selectors.result)) marks.result = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
}

export async function measurePaint(outDir: string): Promise<BenchRow[]> {
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false }, build: { outDir } });
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium();
  try {
    if (!url) throw new Error('vite preview did not report a URL');
    const page = await browser.newPage();
    await page.addInitScript(observe, { view: VIEW, result: RESULT });
    await page.goto(url);
    // Fallback when the init script's marks are missing: the page's clock just after Playwright saw
    // the element (an upper bound, late by one round trip).
    const seenAt = async (selector: string, timeout: number): Promise<number | undefined> => {
      const found = await page.waitForSelector(selector, { timeout }).then(
        () => true,
        () => false,
      );
      return found ? page.evaluate(() => performance.now()) : undefined;
    };
    const viewSeen = await seenAt(VIEW, 60_000);
    const resultSeen = await seenAt(RESULT, 180_000);
    const marked = await page.evaluate((): PaintTimes => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      const marks = (window as Window & { benchPaint?: Record<string, number> }).benchPaint ?? {};
      return { fcp, view: marks.view, result: marks.result };
    });
    const times: PaintTimes = { fcp: marked.fcp, view: marked.view ?? viewSeen, result: marked.result ?? resultSeen };
    const values = [
      ...(times.fcp !== undefined ? [{ label: 'first contentful paint', value: times.fcp, unit: 'ms' as const }] : []),
      ...(times.view !== undefined ? [{ label: 'whitening view in the DOM', value: times.view, unit: 'ms' as const }] : []),
      ...(times.result !== undefined ? [{ label: 'first whitened result shown (context)', value: times.result, unit: 'ms' as const }] : []),
    ];
    const how =
      marked.view === undefined ? 'page clock read right after Playwright saw the element (upper bound)' : 'MutationObserver marks';
    const note =
      `built app served by vite preview on localhost, cold browser profile; times from navigation start (view and result: ${how}). The first result includes starting the WebGPU backend, compiling the kernels and whitening the default sample` +
      (times.result === undefined ? ' (not shown within 180 s)' : '');
    return [valueRow(PAINT_GROUP, 'index.html, whitening view (default tab)', 'n/a', values, 1, note)];
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
