// The lecture tour (#/tour?step=N) and the presets' lessons. Training steps run on the CPU backend;
// every wait is on an element or attribute, never on the clock.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { waitForWhitening, watchConsole } from './support/app';
import { appUrl } from './support/backends';

test.setTimeout(180_000);

const stepText = (page: Page) => page.getByTestId('tour-step');

async function expectStep(page: Page, step: number, text: RegExp): Promise<void> {
  await expect(page.getByTestId('tour')).toHaveAttribute('data-step', String(step));
  await expect(page).toHaveURL(new RegExp(`#/tour\\?step=${step}$`));
  await expect(stepText(page)).toHaveText(text);
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}

test('the tour opens on the linked step, moves with the keys and the buttons, survives a reload, and Esc leaves', async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(appUrl('/tour?step=4'));
  await expectStep(page, 4, /centre–surround/);
  await expect(page.locator('.tour-stage .figure.kernels')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tour', exact: true })).toHaveAttribute('aria-current', 'page');

  await page.keyboard.press('ArrowLeft');
  await expectStep(page, 3, /K = 15/);
  await page.getByTestId('tour-back').click();
  await expectStep(page, 2, /K = 1 /);
  await page.getByTestId('tour-next').click();
  await expectStep(page, 3, /K = 15/);
  await waitForWhitening(page);
  await expect(page.getByTestId('iterations-slider')).toHaveValue('15');

  await page.keyboard.press('ArrowRight');
  await expectStep(page, 4, /centre–surround/);
  await page.reload();
  await expectStep(page, 4, /centre–surround/);
  await waitForWhitening(page);

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tour')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/whitening\?sample=chelsea\.png&k=3&.*K=15/);
  await expect(page.getByTestId('whitening-view')).toBeVisible();
  console.assertClean();
});

test('a garbage, missing or out-of-range step opens step 1, and the address says so', async ({ page }) => {
  for (const route of ['/tour?step=banana', '/tour', '/tour?step=99', '/tour?step=-1']) {
    await page.goto(appUrl(route));
    await expectStep(page, 1, /correlated/);
    await expect(page.getByTestId('tour-back')).toBeDisabled();
  }
});

test('the header opens the tour; the race step picks the preset, shows its lesson and keeps the keys', async ({ page }) => {
  await page.goto(appUrl('/whitening'));
  await page.getByRole('link', { name: 'Tour', exact: true }).click();
  await expectStep(page, 1, /correlated/);

  await page.goto(appUrl('/tour?step=5'));
  await expectStep(page, 5, /watch which curve falls first/);
  await expect(page.getByTestId('tour-action')).toContainText('Press Play');
  await expect(page.getByTestId('loss-chart')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'preset' })).toHaveValue('one-epoch');
  await expect(page.getByTestId('preset-lesson')).toHaveAttribute('data-preset', 'one-epoch');
  // Only the step's panel is shown.
  await expect(page.locator('.tour-stage .panel-kernels')).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await expectStep(page, 6, /first-layer kernels/);
  await expect(page.locator('.tour-stage .panel-kernels')).toBeVisible();
  await expect(page.getByTestId('loss-chart')).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 7, /histograms/);
  await expect(page.getByTestId('tour-next')).toBeDisabled();
  await page.keyboard.press('ArrowRight');
  await expectStep(page, 7, /histograms/);

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/training\?/);
  await expect(page.getByTestId('tour')).toHaveCount(0);
  await expect(page.getByRole('toolbar', { name: 'Training controls' })).toBeVisible();
});

test.describe('at 1024x768 (a projector) in lecture mode', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('no sideways scroll, the card beside the enlarged panel, the arrows still move', async ({ page }) => {
    await page.goto(appUrl('/tour?step=1'));
    await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '1');
    await page.keyboard.press('f');
    await expect(page.getByTestId('tour')).toHaveClass(/tour-lecture/);
    await expect(page.getByTestId('tour-lecture')).toHaveAttribute('aria-pressed', 'true');
    for (const [step, panel] of [
      [1, '.tour-stage .figure-row > .figure:nth-child(1)'],
      [5, '.tour-stage .panel-curves'],
    ] as const) {
      while (Number(await page.getByTestId('tour').getAttribute('data-step')) < step) {
        const before = Number(await page.getByTestId('tour').getAttribute('data-step'));
        await page.keyboard.press('ArrowRight');
        await expect(page.getByTestId('tour')).toHaveAttribute('data-step', String(before + 1));
      }
      await expect(page.getByTestId('tour')).toHaveClass(/tour-lecture/);
      // The training view's own full-screen lecture mode would cover the card: the tour keeps F.
      await expect(page.locator('.training-view.lecture')).toHaveCount(0);
      const focus = page.locator(panel);
      await expect(focus).toBeVisible();
      const card = await box(page.getByTestId('tour-card'));
      const shown = await box(focus);
      expect(card.x + card.width <= shown.x || shown.x + shown.width <= card.x, 'card beside the panel').toBe(true);
      expect(shown.x + shown.width).toBeLessThanOrEqual(1024);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, 'sideways scroll').toBeLessThanOrEqual(0);
    }
  });
});

test('a picked preset shows its lesson until one of its settings changes', async ({ page }) => {
  await page.goto(appUrl('/training'));
  const preset = page.getByRole('combobox', { name: 'preset' });
  await preset.selectOption('sparse-activations');
  const lesson = page.getByTestId('preset-lesson');
  await expect(lesson).toHaveAttribute('data-preset', 'sparse-activations');
  await expect(lesson).toContainText('kurtosis');
  // Without batch norm (deconvolution and none) no preset matches any more.
  await page.getByRole('group', { name: 'variants' }).getByRole('checkbox', { name: 'batch norm' }).uncheck();
  await expect(lesson).toHaveCount(0);
  await preset.selectOption('one-epoch');
  await expect(lesson).toHaveAttribute('data-preset', 'one-epoch');
  // The whole title fits in the menu (it was cut at "One epoch: deconvolutio").
  const fits = await preset.evaluate((select: HTMLSelectElement) => {
    const probe = document.createElement('span');
    probe.style.cssText = `position:absolute;visibility:hidden;white-space:nowrap;font:${getComputedStyle(select).font}`;
    probe.textContent = select.selectedOptions[0].textContent;
    document.body.append(probe);
    const wide = probe.getBoundingClientRect().width;
    probe.remove();
    return select.clientWidth - wide;
  });
  expect(fits, 'room left in the menu for its title').toBeGreaterThan(0);
});
