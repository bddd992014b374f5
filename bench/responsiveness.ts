// The Training tab as a lecturer meets it, on the built app: time from Play to the first loss
// points, and how long the main thread is blocked while the run trains (long tasks, frame gaps).
// These were timed assertions in the browser tests once; they are measurements, so they live here.
import { preview } from 'vite';
import type { BenchRow } from '../src/bench/types';
import { valueRow } from '../src/bench/rows';
import { launchChromium } from './browser';
import { measureLectureRoom } from './lectureRoom';

export const RESPONSIVENESS_GROUP = 'training_responsiveness';
/** Tiny seeded run (as in the browser tests); `backend` is filled in per row. */
const QUERY = 'dataset=mnist&model=mlp&norms=deconv,batchnorm&batch=16&evalEvery=5&evalSize=100&hz=4&seed=5';
const STEPS = 8;
const LONG_TASK_TARGET_MS = 100;

/** Runs in the page before its scripts: collects long tasks and the gaps between animation frames. */
function observe(): void {
  const w = window as Window & { benchTasks?: number[]; benchGaps?: number[] };
  w.benchTasks = [];
  w.benchGaps = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.benchTasks?.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  let last = 0;
  const frame = (now: number) => {
    if (last > 0) w.benchGaps?.push(now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function measureOne(url: string, backend: string): Promise<BenchRow> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.addInitScript(observe);
    await page.goto(`${url}#/training?${QUERY}&backend=${backend}`);
    const status = page.getByTestId('run-status');
    await status.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 900_000 });
    const stepOf = async () => Number(/step (\d+)/.exec((await page.getByTestId('step-readout').textContent()) ?? '')?.[1] ?? 0);
    const first = await stepOf();
    const playedAt = await page.evaluate(() => performance.now());
    await page.getByTestId('play-button').click();
    await page.waitForFunction(
      (s) => Number(/step (\d+)/.exec(document.querySelector('[data-testid="step-readout"]')?.textContent ?? '')?.[1] ?? 0) > s,
      first,
      { timeout: 900_000 },
    );
    const firstPoint = (await page.evaluate(() => performance.now())) - playedAt;
    // Measure the steady run: from here, STEPS more steps.
    await page.evaluate(() => {
      const w = window as Window & { benchTasks?: number[]; benchGaps?: number[] };
      w.benchTasks = [];
      w.benchGaps = [];
    });
    const from = await stepOf();
    await page.waitForFunction(
      (s) => Number(/step (\d+)/.exec(document.querySelector('[data-testid="step-readout"]')?.textContent ?? '')?.[1] ?? 0) >= s,
      from + STEPS,
      { timeout: 900_000 },
    );
    const { tasks, gaps } = await page.evaluate(() => {
      const w = window as Window & { benchTasks?: number[]; benchGaps?: number[] };
      return { tasks: w.benchTasks ?? [], gaps: w.benchGaps ?? [] };
    });
    const longest = Math.max(0, ...tasks);
    const row = valueRow(
      RESPONSIVENESS_GROUP,
      `Training tab, mlp batch 16, ${STEPS} steps after the first point`,
      backend as BenchRow['backend'],
      [
        { label: 'Play -> next step shown', value: firstPoint, unit: 'ms' },
        { label: 'longest main-thread task', value: longest, unit: 'ms' },
        { label: 'frame gap p95', value: percentile(gaps, 0.95), unit: 'ms' },
      ],
      1,
      `${tasks.length} long tasks (> 50 ms) while training; built app on vite preview, headless Chromium`,
    );
    return { ...row, target: `longest task <= ${LONG_TASK_TARGET_MS} ms`, met: longest <= LONG_TASK_TARGET_MS };
  } finally {
    await browser.close();
  }
}

/** One row per backend (the page's main thread while the worker trains), then the lecture-room row (bench/lectureRoom.ts). */
export async function measureResponsiveness(outDir: string, backends: readonly string[]): Promise<BenchRow[]> {
  const server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false }, build: { outDir } });
  try {
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    const rows: BenchRow[] = [];
    for (const backend of backends) rows.push(await measureOne(url, backend));
    rows.push(await measureLectureRoom(url, RESPONSIVENESS_GROUP));
    return rows;
  } finally {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
