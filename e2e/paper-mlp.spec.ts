// The reference's own MNIST MLP (sigmoid, channel deconvolution) is a model choice of the app.
import { expect, test } from '@playwright/test';
import { curvePoints, TINY, trainingUrl, waitForSteps, waitReady } from './training-support';

test("the paper's MNIST MLP trains in the app, deconvolution and batch norm side by side", async ({ page }) => {
  test.setTimeout(360_000);
  await page.goto(trainingUrl(TINY.replace('model=mlp', 'model=paper-mlp')));
  const model = page.getByRole('combobox', { name: 'model' });
  await expect(model).toHaveValue('paper-mlp');
  await expect(model.locator('option:checked')).toHaveText("Paper's MNIST MLP (sigmoid, channel deconv)");
  await waitReady(page);
  await page.getByTestId('play-button').click();
  await waitForSteps(page, 4);
  await expect.poll(async () => Math.min(...Object.values(await curvePoints(page)))).toBeGreaterThan(1);
  const points = await curvePoints(page);
  expect(Object.keys(points).sort()).toEqual(['batchnorm', 'deconv']);
  await expect(page.getByTestId('sparsity-histogram').locator('path[data-variant]')).toHaveCount(2);
});
