// Play pressed while the Training tab is still starting (backend, dataset, first step) is not lost:
// the run starts as soon as the trainer is ready (issue #15 saw it stop at "ready: press Play" on
// software WebGPU). From the tab the backend is the automatic choice: what a lecturer gets.
// The start-up shows its phases (backend, dataset, models, warm-up) with a progress bar (issue #15).
import { expect, test, type Page } from '@playwright/test';
import { appUrl } from './support/backends';
import { curvePoints, stepCount, tinyOn, trainingUrl, waitForSteps } from './training-support';

test.setTimeout(300_000);

for (const [how, open] of [
  ['from a link', async (page: Page) => page.goto(trainingUrl())],
  [
    'from the tab (default settings)',
    async (page: Page) => {
      await page.goto('/#/whitening');
      await page.getByRole('link', { name: 'Training' }).click();
    },
  ],
] as const) {
  test(`Play pressed during start-up (${how}) starts the run once the trainer is ready`, async ({ page }) => {
    await open(page);
    const play = page.getByTestId('play-button');
    // As early as the button takes a click: before the worker has reported anything, or while it loads.
    await expect(play).toBeEnabled();
    const stateAtClick = await page.getByTestId('run-status').getAttribute('data-state');
    await play.click();
    test.info().annotations.push({ type: 'state at click', description: String(stateAtClick) });
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'running', { timeout: 240_000 });
    await waitForSteps(page, (await stepCount(page)) + 2);
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'running');
  });
}

interface PhaseSeen {
  phase: string;
  bar: boolean;
  text: string;
  step: string;
}

// Every phase the status bar shows, as the page renders it (a MutationObserver, so no polling gaps).
const RECORD_PHASES = () => {
  const seen: PhaseSeen[] = [];
  (window as unknown as { startupPhases: PhaseSeen[] }).startupPhases = seen;
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid="run-status"]');
    const phase = status?.getAttribute('data-phase');
    if (!status || !phase || seen.at(-1)?.phase === phase) return;
    const bar = document.querySelector('[data-testid="startup-progress"]') !== null;
    const step = document.querySelector('[data-testid="step-readout"]')?.textContent ?? '';
    seen.push({ phase, bar, text: status.textContent ?? '', step });
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
};

for (const backend of ['wasm', 'cpu'] as const) {
  test(`the start-up shows each phase with a progress bar before the first point; points arrive after Play (${backend})`, async ({
    page,
  }) => {
    await page.addInitScript(RECORD_PHASES);
    await page.goto(appUrl(`/training?${tinyOn(backend)}`, backend));
    await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'ready', { timeout: 240_000 });
    const phases = await page.evaluate(() => (window as unknown as { startupPhases: PhaseSeen[] }).startupPhases);
    test.info().annotations.push({ type: 'phases', description: phases.map((p) => `${p.phase}: ${p.text}`).join(' | ') });
    const names = phases.map((p) => p.phase);
    expect(names.at(-1)).toBe('warmup');
    expect(names.some((name) => name === 'data' || name === 'build')).toBe(true);
    for (const seen of phases) expect(seen.bar, `progress bar during ${seen.phase}`).toBe(true);
    // The first phase shows before any loss point; the warm-up names the backend that runs.
    expect(phases[0].step).not.toMatch(/step [1-9]/);
    expect(phases.at(-1)?.text).toContain(`on ${backend.toUpperCase()}`);
    await expect(page.getByTestId('startup-progress')).toHaveCount(0);
    const start = await stepCount(page);
    await page.getByTestId('play-button').click();
    await waitForSteps(page, start + 2);
    const points = await curvePoints(page);
    expect(points.deconv).toBeGreaterThan(start);
    expect(points.batchnorm).toBeGreaterThan(start);
  });
}
