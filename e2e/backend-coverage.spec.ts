// Every backend the app can pick, on purpose: each one forced from the address whitens a photo and
// trains two lock-step steps. (WebGPU has its own, slower tests: whitening.spec, training.spec,
// reliability-faults.spec; the automatic choice has backend-choice.spec.)
import { expect, test, type Page } from '@playwright/test';
import { canvasStats, waitForWhitening, watchConsole } from './support/app';
import { appUrl, hasWebgpu, type E2eBackend } from './support/backends';
import { curvePoints, stepCount, tinyOn, trainingUrl, waitForSteps, waitReady } from './training-support';

test.setTimeout(300_000);

const LABELS: Partial<Record<E2eBackend, RegExp>> = { webgl: /WebGL/, cpu: /CPU/ };

async function trainerBackend(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const lab = (window as unknown as { deconvLab: { diagnostics: () => Promise<{ backend?: { name: string } }> } }).deconvLab;
    return (await lab.diagnostics()).backend?.name;
  });
}

for (const [backend, label] of Object.entries(LABELS) as [E2eBackend, RegExp][]) {
  test(`forced ${backend}: whitens a photo and trains both variants @fallback`, async ({ page }, info) => {
    test.skip(hasWebgpu(info.project.name), 'once is enough: runs in the fallback project');
    const console = watchConsole(page);
    await page.goto(appUrl('/whitening?sample=chelsea.png&engine=backend', backend));
    await waitForWhitening(page);
    await expect(page.getByTestId('backend-indicator')).toHaveText(label);
    expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(2);

    await page.goto(trainingUrl(tinyOn(backend)));
    await waitReady(page);
    expect(await trainerBackend(page)).toBe(backend);
    await page.getByTestId('play-button').click();
    await waitForSteps(page, 3);
    await page.getByTestId('play-button').click();
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
    const points = await curvePoints(page);
    const steps = await stepCount(page);
    expect(points).toEqual({ deconv: steps, batchnorm: steps });
    console.assertClean();
  });
}
