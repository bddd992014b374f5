// The backend the app picks: WASM forced from the address (training and whitening), and the
// automatic choice: on a machine whose only GPU is software (SwiftShader) it must not be WebGPU,
// and the reason says why. No timing is asserted: only which backend runs and what the UI says.
import { expect, test, type Page } from '@playwright/test';
import { canvasStats, cspViolations, recordCspViolations, waitForWhitening, watchConsole } from './support/app';
import { appUrl, hasWebgpu } from './support/backends';
import { curvePoints, stepCount, tinyOn, trainingUrl, waitReady } from './training-support';

test.setTimeout(300_000);

interface ReportedBackend {
  name: string;
  reason: string;
  software?: boolean;
  calibration?: { figures: { backend: string }[]; cached: boolean };
}

async function trainerBackend(page: Page): Promise<ReportedBackend | undefined> {
  return page.evaluate(async () => {
    const lab = (window as unknown as { deconvLab: { diagnostics: () => Promise<{ backend?: ReportedBackend }> } }).deconvLab;
    return (await lab.diagnostics()).backend;
  });
}

async function openBackendPopover(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Why this backend?' }).click();
  await expect(page.getByTestId('backend-reason')).toBeVisible();
}

test('?backend=wasm: the Training tab follows the address and trains two steps on WASM @fallback', async ({ page }) => {
  const console = watchConsole(page);
  // The hash says auto; the address's ?backend=wasm wins and the hash is rewritten to agree.
  await page.goto(`/?backend=wasm#/training?${tinyOn('auto')}`);
  await waitReady(page);
  expect((await trainerBackend(page))?.name).toBe('wasm');
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('backend=wasm');
  await expect(page.getByTestId('backend-indicator')).toHaveText(/backend: WASM/);
  const start = await stepCount(page);
  for (const expected of [start + 1, start + 2]) {
    await page.getByTestId('step-button').click();
    await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(expected);
  }
  const points = await curvePoints(page);
  expect(points.deconv).toBeGreaterThan(0);
  expect(points.batchnorm).toBeGreaterThan(0);
  console.assertClean();
});

test('?backend=wasm: the whitening view whitens on WASM, within the CSP @fallback', async ({ page }) => {
  await recordCspViolations(page);
  const console = watchConsole(page);
  await page.goto(appUrl('/whitening?sample=chelsea.png&engine=backend', 'wasm'));
  // The .wasm binaries compile under 'wasm-unsafe-eval'; eval itself stays forbidden.
  const csp = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  await waitForWhitening(page);
  await expect(page.getByTestId('backend-indicator')).toHaveText(/backend: WASM/);
  await expect(page.getByTestId('measurement')).toContainText(/ms on WASM/);
  expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);
  await openBackendPopover(page);
  await expect(page.getByTestId('backend-reason')).toContainText('wasm was requested explicitly');
  expect(await cspViolations(page)).toEqual([]);
  console.assertClean();
});

test('auto with a software WebGPU adapter (SwiftShader): not WebGPU, and the reason says "software GPU"', async ({ page }, info) => {
  test.skip(!hasWebgpu(info.project.name), 'needs --enable-unsafe-webgpu (the SwiftShader adapter)');
  const console = watchConsole(page);
  await page.goto(trainingUrl(tinyOn('auto')));
  await waitReady(page);
  const backend = await trainerBackend(page);
  expect(backend?.name).not.toBe('webgpu');
  expect(['webgl', 'wasm']).toContain(backend?.name);
  expect(backend?.software).toBe(true);
  expect(backend?.reason).toContain('software GPU');
  expect(backend?.calibration?.figures.map((f) => f.backend).sort()).toEqual(['wasm', 'webgl', 'webgpu']);
  const indicator = page.getByTestId('backend-indicator');
  await expect(indicator).toHaveText(/backend: (WebGL|WASM)/);
  await expect(indicator).toHaveAttribute('title', /software GPU/);
  await expect(page.getByTestId('backend-notice')).toContainText('software');
  await openBackendPopover(page);
  await expect(page.getByTestId('backend-reason')).toContainText('software GPU (SwiftShader)');
  await expect(page.getByTestId('backend-calibration')).toContainText('WebGPU');

  // The whitening worker starts later on the same device: it reuses the stored calibration.
  await page.getByRole('link', { name: 'Whitening' }).click();
  await waitForWhitening(page);
  await expect(page.getByTestId('backend-reason')).toContainText('calibration from an earlier visit');
  await expect(indicator).toHaveAttribute('data-backend', backend?.name ?? '');
  console.assertClean();
});

test('auto without WebGPU: WebGL or WASM, whichever measured faster @fallback', async ({ page }, info) => {
  test.skip(hasWebgpu(info.project.name), 'needs a browser without WebGPU');
  const console = watchConsole(page);
  await page.goto(trainingUrl(tinyOn('auto')));
  await waitReady(page);
  const backend = await trainerBackend(page);
  expect(['webgl', 'wasm']).toContain(backend?.name);
  expect(backend?.reason).toContain('no WebGPU');
  expect(backend?.calibration?.figures.map((f) => f.backend).sort()).toEqual(['wasm', 'webgl']);
  await expect(page.getByTestId('backend-indicator')).toHaveText(/backend: (WebGL|WASM)/);
  await expect(page.getByTestId('backend-notice')).toBeVisible();
  console.assertClean();
});
