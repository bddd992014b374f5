// A learning rate per variant: read from the link, typed in the settings, written back to the link,
// named with its reason while the variants' rates differ, and kept by a run that trains.
import { expect, test } from '@playwright/test';
import { TINY, trainingUrl, waitForSteps, waitReady } from './training-support';

test.describe.configure({ timeout: 300_000 });

test('per-variant learning rates: link, inputs, reason, link again, and a run', async ({ page }) => {
  await page.goto(trainingUrl(`${TINY}&lr=0.05&lr.deconv=0.03`));
  const deconv = page.getByRole('textbox', { name: /learning rate of deconv/ });
  const bn = page.getByRole('textbox', { name: /learning rate of BN/ });
  await expect(deconv).toHaveValue('0.03');
  await expect(bn).toHaveValue('');
  await expect(bn).toHaveAttribute('placeholder', '0.05');
  await expect(page.getByTestId('lr-reason')).toContainText('lr: deconv 0.03, BN 0.05');

  await bn.fill('0');
  await expect(page.getByRole('alert').filter({ hasText: 'is not above 0' })).toBeVisible();
  await bn.fill('0.01');
  await bn.press('Enter');
  await expect(page).toHaveURL(/lr\.batchnorm=0\.01/);
  await expect(page.getByTestId('lr-reason')).toContainText('lr: deconv 0.03, BN 0.01');

  // Emptied, the variant trains at the shared rate again and the link no longer names it.
  await deconv.fill('');
  await deconv.press('Enter');
  await expect(page).not.toHaveURL(/lr\.deconv=/);
  await expect(page.getByTestId('lr-reason')).toContainText('lr: deconv 0.05, BN 0.01');

  await waitReady(page);
  await page.getByTestId('play-button').click();
  await waitForSteps(page, 2);
  await expect(page).toHaveURL(/lr\.batchnorm=0\.01/);
});
