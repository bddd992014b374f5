// Accessibility (issue #15): axe-core finds no violations on any view, in the light and the dark theme.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForWhitening } from './support/app';
import { appUrl } from './support/backends';
import { waitForSteps, waitReady } from './training-support';

type Theme = 'light' | 'dark';

async function useTheme(page: Page, theme: Theme): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark')) await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/** Violations as short readable lines (rule, impact, how many nodes, the first node), so a failure says what to fix. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help} — e.g. ${v.nodes[0]?.target.join(' ')}: ${v.nodes[0]?.failureSummary ?? ''}`,
  );
}

const VIEWS: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'whitening',
    open: async (page) => {
      await page.goto(appUrl('/whitening?sample=chelsea.png'));
      await waitForWhitening(page);
    },
  },
  {
    name: 'training, before the first step',
    open: async (page) => {
      await page.goto(appUrl('/training', 'cpu'));
      await expect(page.getByTestId('sparsity-histogram')).toBeVisible();
    },
  },
  {
    // The fake trainer (cpu forced) gives kernels, histograms and the sparsity table at once.
    name: 'training, after a step',
    open: async (page) => {
      await page.goto('/?backend=cpu&fake-trainer#/training');
      await waitReady(page);
      await page.getByTestId('step-button').click();
      await waitForSteps(page, 1);
      await expect(page.getByTestId('sparsity-histogram').locator('svg')).toBeVisible();
    },
  },
  {
    name: 'tour, step 4 (the training race)',
    open: async (page) => {
      await page.goto('/?backend=cpu&fake-trainer#/tour?step=4');
      await expect(page.getByTestId('tour')).toHaveAttribute('data-step', '4');
      await expect(page.getByTestId('tour-step')).toBeVisible();
    },
  },
  {
    name: 'benchmark',
    open: async (page) => {
      await page.goto(appUrl('/benchmark'));
      await expect(page.getByTestId('bench-view')).toHaveAttribute('data-probed', 'true');
    },
  },
];

for (const theme of ['light', 'dark'] as const) {
  for (const view of VIEWS) {
    test(`axe: ${view.name}, ${theme} theme`, async ({ page }) => {
      await view.open(page);
      await useTheme(page, theme);
      expect(await violations(page)).toEqual([]);
    });
  }
}
