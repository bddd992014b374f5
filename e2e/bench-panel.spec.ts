// The in-app Benchmark panel (issue 6) on the built app: a quick CPU-only subset runs in one
// click, rows appear one by one, the JSON export is a valid BenchReport, cancel and a crashed
// worker keep the rows, no CSP violation; without WebGPU the WebGPU box is off with the reason.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { BenchReport } from '../src/bench/types';
import { cspViolations, recordCspViolations, watchConsole } from './support/app';

test.setTimeout(180_000);

/** whiten_512 on the CPU backend: six rows (grey k = 3, 5, 7; tfjs and direct engines), a few seconds each. */
const QUICK = '/#/benchmark?backends=cpu&groups=whiten_512';
/** A long group on the CPU backend, to cancel or crash in the middle. */
const LONG = '/#/benchmark?backends=cpu&groups=deconv_step_vs_bn_step,whiten_512';

async function openPanel(page: Page, address: string): Promise<void> {
  await recordCspViolations(page);
  await page.goto(address);
  await expect(page.getByTestId('bench-view')).toBeVisible();
  await expect(page.getByTestId('bench-view')).toHaveAttribute('data-probed', 'true');
}

function assertReport(report: BenchReport, rowCount: number): void {
  expect(typeof report.date).toBe('string');
  expect(Number.isNaN(Date.parse(report.date))).toBe(false);
  expect(report.runtime).toBe('browser');
  expect(report.options.backends).toEqual(['cpu']);
  expect(report.devices.cpu).toBe('cpu');
  expect(report.totalSeconds).toBeGreaterThan(0);
  expect(report.rows).toHaveLength(rowCount);
  for (const row of report.rows) {
    expect(row.backend).toBe('cpu');
    expect(typeof row.group).toBe('string');
    expect(typeof row.label).toBe('string');
    expect(row.reps).toBeGreaterThanOrEqual(1);
    for (const v of row.values) {
      expect(Number.isFinite(v.value)).toBe(true);
      expect(['ms', 'kB', 'MB', 'bytes']).toContain(v.unit);
    }
  }
}

test('one click runs a quick CPU subset, rows fill the table, the JSON export is a BenchReport', async ({ page }) => {
  const console = watchConsole(page);
  await openPanel(page, QUICK);
  await expect(page.getByTestId('bench-backend-cpu')).toBeChecked();
  await expect(page.getByTestId('bench-group-whiten_512')).toBeChecked();
  await expect(page.getByTestId('bench-group-deconv_step_vs_bn_step')).not.toBeChecked();
  await page.getByTestId('bench-run').click();
  await expect(page.getByTestId('bench-progress')).not.toHaveText('');
  await expect(page.getByTestId('bench-row').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('bench-view')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  const rows = page.getByTestId('bench-row');
  // Grey k = 3, 5, 7 on the tfjs engine and the direct engine; colour k = 3, 5, 7 on the direct engine.
  await expect(rows).toHaveCount(9);
  await expect(rows.first()).toContainText('ms');
  await expect(page.getByTestId('bench-devices')).toContainText('CPU: cpu');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('bench-export-json').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^deconv-lab-bench-.*\.json$/);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as BenchReport;
  assertReport(report, 9);
  expect(report.rows.every((r) => r.group === 'whiten_512')).toBe(true);
  expect(await cspViolations(page)).toEqual([]);
  console.assertClean();
});

test('cancel stops the run and keeps the rows measured so far', async ({ page }) => {
  await openPanel(page, LONG);
  await page.getByTestId('bench-run').click();
  await expect(page.getByTestId('bench-view')).toHaveAttribute('data-status', 'running');
  // A case is being measured ("cpu: mlp batch 32: batch norm steps").
  await expect(page.getByTestId('bench-progress')).toContainText(/^cpu: .*steps/, { timeout: 60_000 });
  await page.getByTestId('bench-cancel').click();
  await expect(page.getByTestId('bench-view')).toHaveAttribute('data-status', 'cancelled', { timeout: 60_000 });
  const measured = await page.getByTestId('bench-row').count();
  // Nothing arrives after the cancel, and Run is available again.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('bench-row')).toHaveCount(measured);
  await expect(page.getByTestId('bench-run')).toBeEnabled();
  expect(await cspViolations(page)).toEqual([]);
});

test('a crashed worker shows a message and keeps the rows', async ({ page }) => {
  await openPanel(page, QUICK);
  await page.getByTestId('bench-run').click();
  await expect(page.getByTestId('bench-row').first()).toBeVisible({ timeout: 60_000 });
  const before = await page.getByTestId('bench-row').count();
  await page.evaluate(() => window.deconvLabBench?.crashWorker());
  await expect(page.getByTestId('bench-error')).toContainText('benchmark worker stopped');
  await expect(page.getByTestId('bench-view')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('bench-row')).toHaveCount(before);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('bench-export-json').click();
  const report = JSON.parse(readFileSync(await (await downloading).path(), 'utf8')) as BenchReport;
  assertReport(report, before);
});

test('the panel works without WebGPU: its box is off with the reason @fallback', async ({ page }) => {
  const console = watchConsole(page);
  await openPanel(page, '/#/benchmark');
  await expect(page.getByRole('link', { name: 'Benchmark' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('bench-view')).toContainText('SwiftShader');
  const webgpu = page.getByTestId('bench-backend-webgpu');
  if (test.info().project.name === 'fallback') {
    await expect(webgpu).toBeDisabled();
    await expect(webgpu).not.toBeChecked();
    await expect(page.getByTestId('bench-backend-webgpu-detail')).toContainText(/unavailable: .*WebGPU/);
  } else {
    await expect(webgpu).toBeEnabled();
  }
  await expect(page.getByTestId('bench-run')).toBeEnabled();
  await expect(page.getByTestId('bench-fcp')).toContainText(/ms after navigation/);
  await expect(page.getByTestId('bench-page-load')).toContainText('as served');
  console.assertClean();
});

// docs/screenshots/benchmark.png: run with BENCH_SCREENSHOT=1 (webgpu project; minutes on SwiftShader).
test('screenshot of the panel after a run', async ({ page }) => {
  test.skip(!process.env.BENCH_SCREENSHOT || test.info().project.name !== 'webgpu', 'set BENCH_SCREENSHOT=1 to refresh the screenshot');
  test.setTimeout(1_260_000);
  const address =
    process.env.BENCH_SCREENSHOT_ADDRESS ??
    '/#/benchmark?backends=webgpu,cpu&groups=isqrt_fused_vs_composed,covariance_fused_vs_im2col,whiten_512';
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPanel(page, address);
  await page.getByTestId('bench-run').click();
  const progress = setInterval(() => {
    void page
      .getByTestId('bench-progress')
      .textContent()
      .then((text) => console.log(`  [bench] ${text}`))
      .catch(() => undefined);
  }, 15_000);
  try {
    await expect(page.getByTestId('bench-view')).toHaveAttribute('data-status', 'done', { timeout: 1_200_000 });
  } finally {
    clearInterval(progress);
  }
  await page.mouse.move(0, 0);
  await page.screenshot({ path: process.env.BENCH_SCREENSHOT_PATH ?? 'docs/screenshots/benchmark.png' });
});
