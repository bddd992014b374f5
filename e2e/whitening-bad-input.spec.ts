import { expect, test, type Page } from '@playwright/test';
import { answeredId, canvasStats, waitForNextAnswer, waitForWhitening, watchConsole } from './support/app';
import { makePng, upload, type Upload } from './support/images';

// Input handling does not depend on the backend: run on CPU so the many whitenings stay quick.
test.setTimeout(180_000);

async function snapshot(page: Page) {
  return { original: await canvasStats(page, 'original-canvas'), whitened: await canvasStats(page, 'whitened-canvas') };
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?backend=cpu#/whitening?sample=chelsea.png');
  await waitForWhitening(page);
});

const badFiles: { title: string; file: () => Upload; message: RegExp }[] = [
  {
    title: 'a text file',
    file: () => ({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello, not a picture') }),
    message: /not an image/,
  },
  {
    title: 'an empty file',
    file: () => ({ name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) }),
    message: /empty \(0 bytes\)/,
  },
  {
    title: 'a truncated PNG',
    file: () => ({ name: 'broken.png', mimeType: 'image/png', buffer: makePng({ width: 64, height: 64 }).subarray(0, 80) }),
    message: /could not be decoded/,
  },
  {
    title: 'a PNG with a corrupted body',
    file: () => {
      const png = Buffer.from(makePng({ width: 64, height: 64 }));
      png.fill(0x5a, 60, png.length - 20);
      return { name: 'corrupt.png', mimeType: 'image/png', buffer: png };
    },
    message: /could not be decoded/,
  },
  {
    title: 'an image smaller than the kernel',
    file: () => ({ name: 'tiny.png', mimeType: 'image/png', buffer: makePng({ width: 2, height: 2 }) }),
    message: /smaller than the 3×3 kernel/,
  },
  {
    title: 'an SVG drawing',
    file: () => ({
      name: 'drawing.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
    }),
    message: /SVG/,
  },
];

for (const bad of badFiles) {
  test(`${bad.title} gets a clear message and the last good result stays`, async ({ page }) => {
    const console = watchConsole(page);
    const before = await snapshot(page);
    await upload(page, bad.file());
    await expect(page.getByTestId('error-message')).toHaveText(bad.message);
    await waitForWhitening(page);
    expect(await snapshot(page)).toEqual(before);
    await expect(page.getByTestId('kernel-grid-whitening')).toBeVisible();
    console.assertClean();
  });
}

test('a very large image is downscaled to 1024 px with a notice', async ({ page }) => {
  const previous = await answeredId(page);
  await upload(page, { name: 'large.png', mimeType: 'image/png', buffer: makePng({ width: 2400, height: 1600 }) });
  await waitForNextAnswer(page, previous);
  await expect(page.getByTestId('image-notice')).toContainText('Downscaled from 2400×1600 to 1024×683');
  const { whitened } = await snapshot(page);
  expect([whitened.width, whitened.height]).toEqual([1024, 683]);
});

test('a greyscale image is whitened as one channel', async ({ page }) => {
  const previous = await answeredId(page);
  await upload(page, { name: 'grey.png', mimeType: 'image/png', buffer: makePng({ width: 64, height: 48, kind: 'grey' }) });
  await waitForNextAnswer(page, previous);
  await expect(page.getByTestId('image-notice')).toContainText('greyscale');
  await expect(page.getByText('R', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
});

test('transparency is dropped with a note', async ({ page }) => {
  const previous = await answeredId(page);
  await upload(page, { name: 'alpha.png', mimeType: 'image/png', buffer: makePng({ width: 64, height: 48, kind: 'alpha' }) });
  await waitForNextAnswer(page, previous);
  await expect(page.getByTestId('image-notice')).toContainText('transparency');
  expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(1);
});

test('a kernel larger than a small image is refused, then works again when reduced', async ({ page }) => {
  let previous = await answeredId(page);
  await upload(page, { name: 'small.png', mimeType: 'image/png', buffer: makePng({ width: 6, height: 6 }) });
  await waitForNextAnswer(page, previous);
  previous = await answeredId(page);
  await page.getByTestId('kernel-slider').fill('7');
  await expect(page.getByTestId('error-message')).toContainText('smaller than the 7×7 kernel');
  await page.getByTestId('kernel-slider').fill('5');
  await waitForNextAnswer(page, previous + 1);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
});
