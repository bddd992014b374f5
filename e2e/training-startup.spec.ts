// Play pressed while the Training tab is still starting (backend, dataset, first step) is not lost:
// the run starts as soon as the trainer is ready (issue #15 saw it stop at "ready: press Play" on
// software WebGPU). From the tab the backend is the automatic choice: what a lecturer gets.
import { expect, test, type Page } from '@playwright/test';
import { stepCount, trainingUrl, waitForSteps } from './training-support';

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
