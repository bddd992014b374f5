import { test, expect } from '@playwright/test';

test('app loads @fallback', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Deconv Lab' })).toBeVisible();
});
