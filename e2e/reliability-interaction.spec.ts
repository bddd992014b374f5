// Issue 7, faults: rapid interaction (whitening sliders; training play/pause, settings, datasets)
// and a tab hidden for a while. Everything runs on the CPU backend with tiny workloads: what is
// tested is the app's bookkeeping, not the arithmetic.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitForWhitening, watchConsole } from './support/app';
import { canvasDigest, diagnostics, pick, seeded, type Diagnostics } from './support/interaction';
import { openFreezablePage, type FreezablePage } from './support/sleep';
import { TINY, curvePoints, stepCount, trainingUrl, waitForSteps, waitReady } from './training-support';

test.setTimeout(180_000);

/** Until the view shows the answer to its newest request and nothing is queued. */
async function whiteningSettled(page: Page): Promise<void> {
  const view = page.getByTestId('whitening-view');
  await expect
    .poll(
      async () => {
        const [status, requested, answered] = await Promise.all(
          ['data-status', 'data-requested', 'data-answered'].map((a) => view.getAttribute(a)),
        );
        return status === 'ready' && requested === answered;
      },
      { timeout: 90_000 },
    )
    .toBe(true);
}

async function whiteningFigures(page: Page) {
  return {
    original: await canvasDigest(page, 'original-canvas'),
    whitened: await canvasDigest(page, 'whitened-canvas'),
    kernels: await canvasDigest(page, 'kernel-grid-whitening'),
    controls: await page.locator('.controls .control-name').allTextContents(),
  };
}

interface PlannedChange {
  kind: 'range' | 'click';
  /** A slider's test id, or a CSS selector of buttons. */
  target: string;
  /** The slider value, or which button to click (modulo their number). */
  value: string;
}

const SLIDERS: [string, string[]][] = [
  ['kernel-slider', ['1', '3', '5']],
  ['iterations-slider', ['1', '2', '5', '10', '15']],
  ['stride-slider', ['2', '3', '5', '8']],
  ['eps-slider', ['-6', '-5', '-3', '-2']],
];

/**
 * A seeded mix of slider moves (75 %), sample picks (15 %) and colour/grey switches (10 %),
 * ending with a sample pick (not the first, default one) right before a slider move: the worker,
 * still busy, merges the two into one job, whose answer must still name the picked sample.
 */
function rapidWhiteningPlan(random: () => number, count: number): PlannedChange[] {
  const ending: PlannedChange[] = [
    { kind: 'click', target: 'button.thumb', value: '3' },
    { kind: 'range', target: 'iterations-slider', value: '4' },
  ];
  return Array.from({ length: count }, (): PlannedChange => {
    const r = random();
    if (r < 0.15) return { kind: 'click', target: 'button.thumb', value: String(Math.floor(random() * 1000)) };
    if (r < 0.25) return { kind: 'click', target: '.segmented button', value: String(Math.floor(random() * 1000)) };
    const [target, values] = pick(random, SLIDERS);
    return { kind: 'range', target, value: pick(random, values) };
  }).concat(ending);
}

test('whitening: rapid slider, colour and sample changes end showing the result of the final settings', async ({ page, context }) => {
  const errors = watchConsole(page);
  await page.goto('/?backend=cpu#/whitening?sample=chelsea.png');
  await waitForWhitening(page);
  // 80 changes, one every 25 ms (40 a second), made inside the page so nothing waits between them.
  const plan = rapidWhiteningPlan(seeded(7), 80);
  await page.evaluate(async (steps) => {
    const setRange = (testId: string, value: string) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      // React tracks the value property: set it through the prototype so the input event counts.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
    for (const step of steps) {
      if (step.kind === 'range') setRange(step.target, step.value);
      else {
        const buttons = document.querySelectorAll<HTMLButtonElement>(step.target);
        buttons[Number(step.value) % buttons.length]?.click();
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }, plan);
  await whiteningSettled(page);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  const after = await whiteningFigures(page);

  // The same settings and sample, loaded fresh from the URL the view wrote, draw the same pixels.
  const fresh = await context.newPage();
  await fresh.goto(page.url());
  await waitForWhitening(fresh);
  await whiteningSettled(fresh);
  expect(await whiteningFigures(fresh)).toEqual(after);
  errors.assertClean();
});

/** No failure shown anywhere on the dashboard. */
async function expectNoRunErrors(page: Page): Promise<void> {
  for (const id of ['run-error', 'worker-lost', 'device-lost', 'diverged-deconv', 'diverged-batchnorm']) {
    await expect(page.getByTestId(id), id).toHaveCount(0);
  }
}

/**
 * Waits until the worker and the page agree on the run's state (and step), `accept` holds, and
 * nothing changes for half a second: commands queued by rapid clicks have all been worked off.
 */
async function settle(page: Page, accept: (d: Diagnostics) => boolean): Promise<Diagnostics> {
  let settled: Diagnostics | undefined;
  await expect
    .poll(
      async () => {
        const first = await diagnostics(page);
        await page.waitForTimeout(500);
        const second = await diagnostics(page);
        const quiet = JSON.stringify(first) === JSON.stringify(second);
        const agreed = second.state === second.ui.state && second.step === second.ui.step;
        settled = quiet && agreed && accept(second) ? second : undefined;
        return settled !== undefined;
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  if (!settled) throw new Error('the run did not settle');
  return settled;
}

/**
 * Waits out queued work and pauses a playing run, so that the settings can be edited. A playing
 * run never goes quiet (its step advances), so it is paused whenever page and worker agree that it
 * plays; a play queued behind the last answer is caught the same way on the next poll.
 */
async function pausedAndIdle(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        const d = await diagnostics(page);
        if (d.state === 'running' && d.ui.state === 'running') await page.getByTestId('play-button').click();
        return d.state === d.ui.state && !['running', 'loading', 'compiling'].includes(d.state ?? '');
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  await settle(page, (x) => !['running', 'loading', 'compiling'].includes(x.state ?? ''));
}

/** Resets: a fresh run of the current settings, ready at its warm-up step. */
async function freshRun(page: Page): Promise<Diagnostics> {
  await pausedAndIdle(page);
  await page.getByTestId('reset-button').click();
  return settle(page, (d) => d.state === 'ready');
}

test('training: play/pause, settings and dataset switches many times a second neither crash nor leak tensors', async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto(trainingUrl(TINY));
  await waitReady(page);
  const before = await freshRun(page);

  const random = seeded(11);
  const lr = page.getByRole('textbox', { name: 'learning rate', exact: true });
  const batch = page.getByRole('textbox', { name: 'batch size' });
  const dataset = page.getByRole('combobox', { name: 'dataset' });
  // A burst of 30 play/pause clicks 25 ms apart (40 a second), made inside the page.
  await page.getByTestId('play-button').evaluate(async (button) => {
    for (let i = 0; i < 30; i += 1) {
      (button as HTMLButtonElement).click();
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  // Then about 60 mixed actions as fast as Playwright sends them; a control that is disabled at
  // that moment (settings lock while the run plays, play waits for data) is skipped.
  const act = async (control: Locator, action: () => Promise<unknown>) => {
    if (await control.isEnabled()) await action().catch(() => undefined);
  };
  const quick = { timeout: 200 };
  for (let i = 0; i < 60; i += 1) {
    const r = random();
    const play = page.getByTestId('play-button');
    if (r < 0.5) await act(play, () => play.click(quick));
    else if (r < 0.7) await act(lr, () => lr.fill(pick(random, ['0.01', '0.02', '0.1']), quick).then(() => lr.press('Enter', quick)));
    else if (r < 0.85) await act(batch, () => batch.fill(pick(random, ['8', '12', '24']), quick).then(() => batch.press('Enter', quick)));
    else await act(dataset, () => dataset.selectOption(pick(random, ['mnist', 'fashion-mnist']), quick));
  }
  // Back to the starting settings, then the same comparable state: a fresh run, paused at step 1.
  await pausedAndIdle(page);
  await dataset.selectOption('mnist');
  await lr.fill('0.05');
  await lr.press('Enter');
  await batch.fill('16');
  await batch.press('Enter');
  await expect(page).toHaveURL(/dataset=mnist/);
  await expect(page).toHaveURL(/lr=0\.05(&|$)/);
  await expect(page).toHaveURL(/batch=16/);
  const after = await freshRun(page);

  await expectNoRunErrors(page);
  expect(after.ui.step).toBe(before.ui.step);
  expect(after.ui.variants.map((v) => v.points)).toEqual(before.ui.variants.map((v) => v.points));
  // The same model and data hold exactly the same tensors: anything more was leaked on the way.
  expect(after.memory?.numTensors).toBe(before.memory?.numTensors);
  expect(after.memory?.numBytes).toBe(before.memory?.numBytes);

  await page.getByTestId('play-button').click();
  await waitForSteps(page, before.ui.step + 3);
  expect(await stepCount(page)).toBeGreaterThan(before.ui.step);
  await expectNoRunErrors(page);
  errors.assertClean();
});

/** Step readout, worker, run store and drawn curves all tell the same story. */
async function expectConsistent(page: Page): Promise<Diagnostics> {
  const d = await diagnostics(page);
  expect(d.step, 'worker step vs page step').toBe(d.ui.step);
  expect(d.state, 'worker state vs page state').toBe(d.ui.state);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', d.ui.state);
  expect(await stepCount(page)).toBe(d.ui.step);
  // One loss point per step for each variant, and the chart draws every one of them.
  expect(d.ui.variants.map((v) => v.points)).toEqual(d.ui.variants.map(() => d.ui.step));
  const drawn = await curvePoints(page);
  for (const v of d.ui.variants) expect(drawn[v.norm], `${v.norm} curve`).toBe(v.points);
  return d;
}

test('training: a tab hidden (and frozen) for a while, then shown, stays consistent and keeps training', async ({ playwright }, info) => {
  // Playwright's own pages ignore a freeze (focus emulation): this one is really frozen, workers included.
  const sleeper = await openFreezablePage(playwright, info);
  try {
    await hiddenFrozenThenShown(sleeper);
  } finally {
    await sleeper.close();
  }
});

async function hiddenFrozenThenShown(sleeper: FreezablePage): Promise<void> {
  const { page } = sleeper;
  const errors = watchConsole(page);
  await page.goto(sleeper.url(trainingUrl(TINY)));
  await waitReady(page);
  await page.getByTestId('play-button').click();
  await waitForSteps(page, 3);

  // Hidden, then frozen as browsers freeze background tabs, then resumed and shown.
  await sleeper.sleep(4000);
  expect(await sleeper.lifecycle()).toEqual(['hidden', 'freeze', 'resume', 'visible']);

  // Shown again: the run still goes on, then pauses on request with every count in agreement.
  const shown = await stepCount(page);
  await waitForSteps(page, shown + 2);
  await page.getByTestId('play-button').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-state', 'paused');
  await expect.poll(async () => (await diagnostics(page)).state).toBe('paused');
  const paused = await expectConsistent(page);
  expect(paused.ui.step).toBeGreaterThan(shown);

  await page.getByTestId('play-button').click();
  await waitForSteps(page, paused.ui.step + 2);
  await expectNoRunErrors(page);
  errors.assertClean();
}
