import { expect, test, type Page } from '@playwright/test';
import { answeredId, canvasStats, waitForNextAnswer, waitForWhitening } from './support/app';
import { makePng } from './support/images';

// Drag-and-drop and paste deliver a File like the picker does. CPU backend: quick.
test.setTimeout(120_000);

async function sendFile(page: Page, how: 'drop' | 'paste', width: number, height: number): Promise<void> {
  const bytes = Array.from(makePng({ width, height }));
  await page.evaluate(
    ({ bytes, how }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], `${how}.png`, { type: 'image/png' }));
      if (how === 'drop') {
        const view = document.querySelector('[data-testid="whitening-view"]');
        view?.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        view?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      } else {
        window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }
    },
    { bytes, how },
  );
}

for (const how of ['drop', 'paste'] as const) {
  test(`an image can be given by ${how} @fallback`, async ({ page }) => {
    await page.goto('/?backend=cpu#/whitening?sample=chelsea.png');
    await waitForWhitening(page);
    const previous = await answeredId(page);
    await sendFile(page, how, 72, 40);
    await waitForNextAnswer(page, previous);
    const original = await canvasStats(page, 'original-canvas');
    expect([original.width, original.height]).toEqual([72, 40]);
    await expect(page.getByTestId('error-message')).toHaveCount(0);
  });
}

test('a whitening link (e.g. a preset) picks the sample and settings, also after the view was used @fallback', async ({ page }) => {
  await page.goto('/?backend=cpu#/whitening?sample=chelsea.png');
  await waitForWhitening(page);
  const previous = await answeredId(page);
  await page.getByRole('link', { name: 'Training' }).click();
  await expect(page.getByTestId('whitening-view')).toHaveCount(0);
  await page.evaluate(() => {
    window.location.hash = '#/whitening?sample=brick.png&k=5&K=7&grey=1';
  });
  await waitForNextAnswer(page, previous);
  await expect(page.getByRole('button', { name: 'Sample: Brick wall' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('iterations-slider')).toHaveValue('7');
  await expect(page.getByTestId('kernel-slider')).toHaveValue('5');
  await expect(page).toHaveURL(/#\/whitening\?sample=brick\.png&k=5&eps=1e-5&K=7&stride=3&grey=1$/);
});

test('the "Partial whitening" preset opens the whitening view at K = 1 on Chelsea @fallback', async ({ page }) => {
  // Start on another photo, so the preset must change it.
  await page.goto('/?backend=cpu#/whitening?sample=brick.png&K=15');
  await waitForWhitening(page);
  await page.getByRole('link', { name: 'Training' }).click();
  await page.getByRole('combobox', { name: 'preset' }).selectOption('partial-whitening');
  await waitForWhitening(page);
  await expect(page.getByRole('button', { name: 'Sample: Chelsea the cat' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('iterations-slider')).toHaveValue('1');
  await expect(page.getByTestId('kernel-slider')).toHaveValue('3');
  await expect(page).toHaveURL(/sample=chelsea\.png&k=3&.*K=1&/);
});
