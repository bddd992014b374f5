// The fused WGSL ops run in Chromium on WebGPU and match the composed tf-op path there
// (gpu-check.html: no UI, a window hook that runs the checks inside validation error scopes).
import { expect, test } from '@playwright/test';
import type { GpuCheckApi } from '../src/gpu/check/main';

type CheckWindow = Window & { deconvGpuCheck?: GpuCheckApi };

test('fused isqrt and patch covariance (and their gradients) match the composed ops on WebGPU', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('./gpu-check.html');
  const info = await page.evaluate(() => (window as CheckWindow).deconvGpuCheck?.ready);
  expect(info?.backend).toBe('webgpu');
  expect(info?.implementation).toBe('fused-wgsl');
  await expect(page.locator('#status')).toContainText('ready: webgpu');
  const results = (await page.evaluate(() => (window as CheckWindow).deconvGpuCheck?.runChecks())) ?? [];
  expect(results.length).toBeGreaterThanOrEqual(6);
  for (const r of results) {
    console.log(`${r.name}: max relative error ${r.maxRelError.toExponential(2)} (tolerance ${r.tolerance})`);
    expect(r.validationError, r.name).toBeUndefined();
    expect(r.maxRelError, r.name).toBeLessThanOrEqual(r.tolerance);
  }
});
