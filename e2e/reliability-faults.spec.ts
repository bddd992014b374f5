// Faults and long runs (issue #7): a lost GPU device, divergence, a browser soak.
import { expect, test, type Page } from '@playwright/test';
import { appUrl } from './support/backends';
import { answeredId, canvasStats, waitForNextAnswer, waitForWhitening } from './support/app';
import { TINY, curvePoints, tinyOn, exportedRun, stepCount, trainingUrl, waitForSteps, waitReady } from './training-support';

interface LabHooks {
  deconvLab: {
    loseGpuDevice: () => void;
    diagnostics: () => Promise<{ backend?: { name: string }; memory?: { numTensors: number; numBytes: number }; step?: number }>;
  };
}

async function backendName(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => (await (window as unknown as LabHooks).deconvLab.diagnostics()).backend?.name);
}

async function loseDevice(page: Page): Promise<{ lostAt: number; checkpoint: number }> {
  await page.evaluate(() => (window as unknown as LabHooks).deconvLab.loseGpuDevice());
  const box = page.getByTestId('device-lost');
  await expect(box).toBeVisible({ timeout: 60_000 });
  await expect(box).toContainText('Curves and settings are kept');
  const text = (await box.textContent()) ?? '';
  const lostAt = Number(/lost at step (\d+)/.exec(text)?.[1] ?? NaN);
  const checkpoint = Number(/checkpoint at step (\d+)/.exec(text)?.[1] ?? NaN);
  return { lostAt, checkpoint };
}

function log(message: string): void {
  console.log(`[reliability-faults] ${message}`);
}

test.describe('faults', () => {
  test('a lost WebGPU device: message, curves kept, resume on a new WebGPU device and on CPU', async ({ page }) => {
    test.skip(test.info().project.name !== 'webgpu', 'needs --enable-unsafe-webgpu');
    test.setTimeout(1_500_000);
    const started = Date.now();
    await page.goto(trainingUrl(`${tinyOn('webgpu').replace('evalEvery=5', 'evalEvery=3')}`));
    await waitReady(page, 900_000);
    log(`WebGPU ready (first step compiled) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(await backendName(page)).toBe('webgpu');
    const playing = Date.now();
    await page.getByTestId('play-button').click();
    await waitForSteps(page, 5, 600_000);
    log(`steps 2-${await stepCount(page)} on WebGPU took ${((Date.now() - playing) / 1000).toFixed(1)} s`);

    const first = await loseDevice(page);
    log(`device lost at step ${first.lostAt}, checkpoint ${first.checkpoint}`);
    expect(first.lostAt).toBeGreaterThanOrEqual(5);
    expect(first.checkpoint).toBeGreaterThanOrEqual(3);
    expect(first.checkpoint % 3).toBe(0);
    expect(first.checkpoint).toBeLessThanOrEqual(first.lostAt);
    await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-state', 'running');
    // Every step the worker finished before the loss is kept: the worker flushes the points its
    // throttled snapshots held back before it reports the loss.
    await expect.poll(() => curvePoints(page)).toEqual({ deconv: first.lostAt, batchnorm: first.lostAt });
    await expect.poll(() => stepCount(page)).toBe(first.lostAt);
    const before = await exportedRun(page);

    const resumed = Date.now();
    await page.getByTestId('resume-webgpu').click();
    await expect(page.getByTestId('device-lost')).toHaveCount(0);
    await waitReady(page, 900_000);
    log(`resumed on a new WebGPU device after ${((Date.now() - resumed) / 1000).toFixed(1)} s`);
    expect(await backendName(page)).toBe('webgpu');
    // 'init' ran the warm-up step: the run continues at checkpoint + 1, not at step 1.
    expect(await stepCount(page)).toBe(first.checkpoint + 1);
    await page.getByTestId('play-button').click();
    await waitForSteps(page, first.lostAt + 2, 600_000);
    const after = await exportedRun(page);
    for (const [v, variant] of before.variants.entries()) {
      const again = after.variants[v].losses;
      // Kept points are unchanged; recomputed ones match the lost run (same device kind, same batches).
      for (const point of variant.losses) {
        const twin = again.find((p) => p.step === point.step);
        expect(twin, `${variant.norm} step ${point.step}`).toBeDefined();
        expect(Math.abs((twin?.loss ?? NaN) - point.loss), `${variant.norm} step ${point.step}`).toBeLessThan(1e-3);
      }
    }

    const second = await loseDevice(page);
    log(`device lost again at step ${second.lostAt}, checkpoint ${second.checkpoint}`);
    expect(second.lostAt).toBeGreaterThan(first.lostAt);
    await page.getByTestId('resume-cpu').click();
    await waitReady(page, 300_000);
    expect(await backendName(page)).toBe('cpu');
    expect(await stepCount(page)).toBe(second.checkpoint + 1);
    await page.getByTestId('play-button').click();
    await waitForSteps(page, second.lostAt + 2, 300_000);
    const points = await curvePoints(page);
    expect(points.deconv).toBeGreaterThan(second.lostAt);
    log(`whole test ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});

test.describe('faults: WebGL', () => {
  test('a lost WebGL context: message, curves kept, resume on a new WebGL context from the checkpoint', async ({ page }) => {
    test.setTimeout(900_000);
    await page.goto(trainingUrl(tinyOn('webgl').replace('evalEvery=5', 'evalEvery=3')));
    await waitReady(page, 600_000);
    expect(await backendName(page)).toBe('webgl');
    await page.getByTestId('play-button').click();
    await waitForSteps(page, 4, 600_000);

    // The test hook loses the trainer's context through WEBGL_lose_context, as a driver reset would.
    const lost = await loseDevice(page);
    log(`WebGL context lost at step ${lost.lostAt}, checkpoint ${lost.checkpoint}`);
    await expect(page.getByTestId('device-lost')).toContainText('The WebGL context was lost');
    expect(lost.checkpoint).toBeGreaterThanOrEqual(3);
    expect(lost.checkpoint % 3).toBe(0);
    expect(lost.checkpoint).toBeLessThanOrEqual(lost.lostAt);
    await expect(page.getByTestId('run-status')).not.toHaveAttribute('data-state', 'running');
    // A lost context reads zeros or NaN until the worker notices: exactly the points up to the checkpoint stay (the
    // steps after it are computed again after the resume), and no NaN read from the dead context counts as divergence.
    await expect.poll(() => curvePoints(page)).toEqual({ deconv: lost.checkpoint, batchnorm: lost.checkpoint });
    await expect.poll(() => stepCount(page)).toBe(lost.checkpoint);
    await expect(page.getByText(/diverged/)).toHaveCount(0);
    await expect(page.locator('[data-testid^="diverged-"]')).toHaveCount(0);

    await page.getByTestId('resume-webgl').click();
    await expect(page.getByTestId('device-lost')).toHaveCount(0);
    await waitReady(page, 600_000);
    expect(await backendName(page)).toBe('webgl');
    expect(await stepCount(page)).toBe(lost.checkpoint + 1);
    await page.getByTestId('play-button').click();
    await waitForSteps(page, lost.lostAt + 2, 600_000);
    expect((await curvePoints(page)).deconv).toBeGreaterThan(lost.lostAt);
  });
});

test.describe('faults: whitening', () => {
  test('a lost WebGPU device in the whitening worker: a clear message, the last result stays, the next whitening works', async ({
    page,
  }) => {
    test.skip(test.info().project.name !== 'webgpu', 'needs --enable-unsafe-webgpu');
    test.setTimeout(600_000);
    await page.goto(appUrl('/whitening?sample=chelsea.png&engine=backend', 'webgpu'));
    await waitForWhitening(page, 300_000);
    await expect(page.getByTestId('backend-indicator')).toContainText('WebGPU');
    const previous = await answeredId(page);
    await page.evaluate(() => window.deconvLabWhitening?.loseGpuDevice());
    await expect(page.getByTestId('error-message')).toContainText('The GPU device was lost (destroyed');
    await expect(page.getByTestId('error-message')).toContainText('Whitening restarted on a new worker');
    // The last good picture is still drawn while the new worker starts.
    expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);
    await waitForNextAnswer(page, previous, 300_000);
    expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);
    await expect(page.getByTestId('backend-indicator')).toContainText('WebGPU');
    // A new request after the loss is computed too.
    const retried = await answeredId(page);
    await page.getByTestId('iterations-slider').fill('7');
    await waitForNextAnswer(page, retried, 300_000);
    await expect(page.getByTestId('error-message')).toHaveCount(0);
    expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);
  });
});

test.describe('faults: divergence', () => {
  test('learning rate 10: batch norm diverges, training pauses, deconvolution continues, reset works', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(trainingUrl(`${TINY}&lr=10`));
    await waitReady(page);
    await page.getByTestId('play-button').click();
    const diverged = page.getByTestId('diverged-batchnorm');
    await expect(diverged).toBeVisible({ timeout: 120_000 });
    await expect(diverged).toContainText(/batch norm diverged at step \d+: the loss (exploded|became)/);
    await expect(diverged).toContainText('the other variants are unaffected');
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
    await expect(page.getByTestId('diverged-deconv')).toHaveCount(0);
    const at = Number(/diverged at step (\d+)/.exec((await diverged.textContent()) ?? '')?.[1]);
    log(`lr 10: batch norm diverged at step ${at}`);
    expect(at).toBeLessThanOrEqual(10);
    expect(await stepCount(page)).toBe(at);
    const paused = await curvePoints(page);
    // The healthy variant continues on its own; the diverged curve stops at its last finite loss.
    await page.getByTestId('continue-healthy').click();
    await waitForSteps(page, at + 3);
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
    const later = await curvePoints(page);
    expect(later.deconv).toBeGreaterThan(paused.deconv);
    expect(later.batchnorm).toBe(paused.batchnorm);
    const run = await exportedRun(page);
    const deconv = run.variants.find((v) => v.norm === 'deconv');
    expect(deconv?.losses.every((p) => Number.isFinite(p.loss))).toBe(true);
    await page.getByTestId('reset-diverged').click();
    await expect(diverged).toHaveCount(0);
    // The reset run's warm-up step is step 1 again, with fresh curves.
    await expect.poll(() => stepCount(page), { timeout: 120_000 }).toBe(1);
    await waitReady(page);
    expect((await curvePoints(page)).batchnorm).toBeLessThanOrEqual(1);
  });
});

test.describe('long runs', () => {
  test('browser soak: 200+ steps on cpu, the worker holds the same tensors and bytes after warm-up', async ({ page }) => {
    test.setTimeout(900_000);
    const started = Date.now();
    await page.goto(trainingUrl(`${TINY}&epochs=3`));
    await waitReady(page);
    const play = page.getByTestId('play-button');
    // Paused between steps, so no step's temporaries are counted.
    const pausedMemory = async (): Promise<{ step: number; numTensors: number; numBytes: number }> => {
      await play.click();
      await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
      const report = await page.evaluate(() => (window as unknown as LabHooks).deconvLab.diagnostics());
      return { step: report.step ?? -1, numTensors: report.memory?.numTensors ?? -1, numBytes: report.memory?.numBytes ?? -1 };
    };
    await play.click();
    await waitForSteps(page, 50, 600_000);
    const warm = await pausedMemory();
    await play.click();
    await waitForSteps(page, warm.step + 150, 800_000);
    const later = await pausedMemory();
    log(
      `browser soak: step ${warm.step} ${JSON.stringify(warm)} -> step ${later.step} ${JSON.stringify(later)} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(later.step).toBeGreaterThanOrEqual(200);
    expect(warm.numTensors).toBeGreaterThan(0);
    expect({ numTensors: later.numTensors, numBytes: later.numBytes }).toEqual({ numTensors: warm.numTensors, numBytes: warm.numBytes });
  });
});
