// Sleep and wake of the laptop (issue #15, "Nothing lost in the room"): the browser freezes the page
// (timers, tasks and workers stop), then resumes it, hidden, and shows it again.
import { expect, test } from '@playwright/test';
import { answeredId, waitForNextAnswer, waitForWhitening } from './support/app';
import { appUrl } from './support/backends';
import { openFreezablePage, type FreezablePage } from './support/sleep';
import { TINY, stepCount, tinyOn, trainingUrl, waitForSteps, waitReady } from './training-support';

interface LabHooks {
  deconvLab: { diagnostics: () => Promise<{ ui: { variants: { norm: string; msPerStep: number }[] } }> };
}

/** Long against a step of the tiny run, so a step time that kept it would stand out. */
const SLEEP_MS = 15_000;

let sleeper: FreezablePage | null = null;

test.afterEach(async () => {
  await sleeper?.close();
  sleeper = null;
});

function log(message: string): void {
  console.log(`[reliability-sleep] ${message}`);
}

test('a running training sleeps and wakes: it keeps running, the step time leaves the sleep out', async ({ playwright }, info) => {
  test.setTimeout(300_000);
  sleeper = await openFreezablePage(playwright, info);
  const { page } = sleeper;
  await page.goto(sleeper.url(trainingUrl(tinyOn('cpu', TINY))));
  await waitReady(page);
  await page.getByTestId('play-button').click();
  await waitForSteps(page, 3);
  const before = await stepCount(page);

  await sleeper.sleep(SLEEP_MS);
  // The page really was frozen, not just left alone for a while.
  expect(await sleeper.lifecycle()).toEqual(['hidden', 'freeze', 'resume', 'visible']);

  await waitForSteps(page, before + 4);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('worker-lost')).toHaveCount(0);
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  // The read-out averages the last (up to) 20 steps: one that kept the sleep would lift the average
  // to at least the sleep divided by the steps averaged.
  const steps = await stepCount(page);
  const { ui } = await page.evaluate(() => (window as unknown as LabHooks).deconvLab.diagnostics());
  log(
    `after ${SLEEP_MS} ms asleep at step ${before}: step ${steps}, ms/step ${ui.variants.map((v) => `${v.norm} ${v.msPerStep.toFixed(0)}`).join(', ')}`,
  );
  for (const variant of ui.variants) {
    expect(variant.msPerStep, variant.norm).toBeGreaterThan(0);
    expect(variant.msPerStep, variant.norm).toBeLessThan(SLEEP_MS / Math.min(steps, 20));
  }
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
});

test('a training start-up that sleeps half-way finishes after the wake, and Play then trains', async ({ playwright }, info) => {
  test.setTimeout(300_000);
  sleeper = await openFreezablePage(playwright, info);
  const { page } = sleeper;
  await page.goto(sleeper.url(trainingUrl(tinyOn('cpu', TINY))));
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', /loading|compiling/);
  await sleeper.sleep(5_000);
  expect(await sleeper.lifecycle()).toEqual(['hidden', 'freeze', 'resume', 'visible']);
  await waitReady(page);
  await page.getByTestId('play-button').click();
  await waitForSteps(page, 3);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('worker-lost')).toHaveCount(0);
});

test('the whitening view sleeps and wakes, then answers a slider change', async ({ playwright }, info) => {
  test.setTimeout(300_000);
  sleeper = await openFreezablePage(playwright, info);
  const { page } = sleeper;
  await page.goto(sleeper.url(appUrl('/whitening?sample=chelsea.png')));
  await waitForWhitening(page);
  await sleeper.sleep(5_000);
  expect(await sleeper.lifecycle()).toEqual(['hidden', 'freeze', 'resume', 'visible']);
  const previous = await answeredId(page);
  await page.getByTestId('iterations-slider').fill('7');
  await waitForNextAnswer(page, previous);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
});
