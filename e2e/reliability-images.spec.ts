// Issue 7, bad input (images): huge, truncated JPEG, 1×1, CMYK JPEG, 16-bit PNG, animated GIF.
// Each file is made here, in memory; nothing large is committed.
import { expect, test, type Page } from '@playwright/test';
import jpeg from 'jpeg-js';
import { answeredId, canvasStats, waitForNextAnswer, waitForWhitening, watchConsole } from './support/app';
import { colourDistance, pixelAt } from './support/canvasPixels';
import { cmykJpeg, cmykToRgb, type Cmyk } from './support/cmykJpeg';
import { animatedGif } from './support/gifWriter';
import { makePng, upload, type Upload } from './support/images';
import { checkerboardPng, gradient16, gradientPng16 } from './support/pngChunks';

// Input handling does not depend on the backend: CPU keeps the whitenings quick.
test.setTimeout(120_000);

async function uploadAndWait(page: Page, file: Upload): Promise<void> {
  const previous = await answeredId(page);
  await upload(page, file);
  await waitForNextAnswer(page, previous);
}

async function snapshot(page: Page) {
  return { original: await canvasStats(page, 'original-canvas'), whitened: await canvasStats(page, 'whitened-canvas') };
}

/** The app still works after a refusal: a normal upload is whitened and clears the message. */
async function expectUsable(page: Page): Promise<void> {
  await uploadAndWait(page, { name: 'after.png', mimeType: 'image/png', buffer: makePng({ width: 40, height: 30 }) });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  expect((await canvasStats(page, 'whitened-canvas')).width).toBe(40);
}

function smallJpeg(): Buffer {
  const width = 64;
  const height = 48;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 1) data[i] = i % 4 === 3 ? 255 : (i * 37) % 256;
  return Buffer.from(jpeg.encode({ data, width, height }, 85).data);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/?backend=cpu#/whitening?sample=chelsea.png');
  await waitForWhitening(page);
});

test('a 20000×20000 PNG is refused from its header (100-megapixel limit), the tab stays alive', async ({ page }) => {
  const console = watchConsole(page);
  let crashed = false;
  page.on('crash', () => (crashed = true));
  const before = await snapshot(page);
  const huge = checkerboardPng(20000, 20000);
  expect(huge.length).toBeLessThan(1_000_000);
  await upload(page, { name: 'huge.png', mimeType: 'image/png', buffer: huge });
  await expect(page.getByTestId('error-message')).toHaveText(
    /"huge\.png" is 20000×20000 px \(400 megapixels\); images above 100 megapixels are refused because decoding one would need 1\.6 GB/,
  );
  await waitForWhitening(page);
  expect(await snapshot(page)).toEqual(before);
  await expectUsable(page);
  expect(crashed).toBe(false);
  console.assertClean();
});

test('an image at the 100-megapixel limit (10000×10000) is decoded and downscaled with a notice', async ({ page }) => {
  await uploadAndWait(page, { name: 'limit.png', mimeType: 'image/png', buffer: checkerboardPng(10000, 10000) });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  await expect(page.getByTestId('image-notice')).toContainText('Downscaled from 10000×10000 to 1024×1024');
  const whitened = await canvasStats(page, 'whitened-canvas');
  expect([whitened.width, whitened.height]).toEqual([1024, 1024]);
  expect(whitened.std).toBeGreaterThan(1);
});

test('a truncated JPEG gets a clear message and the last good result stays', async ({ page }) => {
  const console = watchConsole(page);
  const good = smallJpeg();
  const before = await snapshot(page);
  await upload(page, { name: 'half.jpg', mimeType: 'image/jpeg', buffer: good.subarray(0, Math.floor(good.length / 2)) });
  await expect(page.getByTestId('error-message')).toHaveText(
    /"half\.jpg" looks like a JPEG file but could not be decoded: it may be truncated/,
  );
  await waitForWhitening(page);
  expect(await snapshot(page)).toEqual(before);
  await expectUsable(page);
  console.assertClean();
});

test('a 1×1 image is refused as smaller than the 3×3 kernel and accepted with a 1×1 kernel', async ({ page }) => {
  const console = watchConsole(page);
  const before = await snapshot(page);
  await upload(page, { name: 'dot.png', mimeType: 'image/png', buffer: makePng({ width: 1, height: 1 }) });
  await expect(page.getByTestId('error-message')).toHaveText(/1×1 px, smaller than the 3×3 kernel/);
  await waitForWhitening(page);
  expect(await snapshot(page)).toEqual(before);
  // With a 1×1 kernel the same file is accepted: one patch, no error, and no NaN on the canvas.
  let previous = await answeredId(page);
  await page.getByTestId('kernel-slider').fill('1');
  await waitForNextAnswer(page, previous);
  previous = await answeredId(page);
  await upload(page, { name: 'dot.png', mimeType: 'image/png', buffer: makePng({ width: 1, height: 1 }) });
  await waitForNextAnswer(page, previous);
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  const whitened = await canvasStats(page, 'whitened-canvas');
  expect([whitened.width, whitened.height]).toEqual([1, 1]);
  await expect(page.getByTestId('whitening-view')).not.toContainText('NaN');
  await expectUsable(page);
  console.assertClean();
});

test('a CMYK JPEG is decoded with its colours and whitened', async ({ page }) => {
  const console = watchConsole(page);
  const inkAt = (bx: number, by: number): Cmyk => [(bx * 37) % 256, (by * 45) % 256, ((bx + by) * 21) % 256, (bx + by) % 3 === 0 ? 90 : 0];
  await uploadAndWait(page, { name: 'cmyk.jpg', mimeType: 'image/jpeg', buffer: cmykJpeg(64, 48, inkAt) });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  for (const [bx, by] of [
    [0, 0],
    [3, 2],
    [7, 5],
    [5, 1],
  ]) {
    const shown = await pixelAt(page, 'original-canvas', (bx * 8 + 4) / 64, (by * 8 + 4) / 48);
    expect(colourDistance(shown, cmykToRgb(inkAt(bx, by))), `block ${bx},${by}: ${shown}`).toBeLessThanOrEqual(3);
  }
  const whitened = await canvasStats(page, 'whitened-canvas');
  expect([whitened.width, whitened.height]).toEqual([64, 48]);
  expect(whitened.std).toBeGreaterThan(1);
  console.assertClean();
});

test('a 16-bit PNG is decoded (to 8 bits a channel) and whitened', async ({ page }) => {
  const console = watchConsole(page);
  await uploadAndWait(page, { name: 'deep.png', mimeType: 'image/png', buffer: gradientPng16(64, 48) });
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  for (const [x, y] of [
    [3, 3],
    [40, 20],
    [60, 44],
  ]) {
    const expected = gradient16(x, y, 64, 48).map((v) => (v / 65535) * 255);
    const shown = await pixelAt(page, 'original-canvas', (x + 0.5) / 64, (y + 0.5) / 48);
    expect(colourDistance(shown, expected), `pixel ${x},${y}: ${shown}`).toBeLessThanOrEqual(2);
  }
  expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(1);
  console.assertClean();
});

test('an animated GIF: the first frame is whitened, with a notice that only it is used', async ({ page }) => {
  const console = watchConsole(page);
  const side = 32;
  // Frame 1: red and white 4-pixel squares; frame 2: all blue.
  const first = Uint8Array.from({ length: side * side }, (_, i) => ((((i % side) >> 2) + (Math.floor(i / side) >> 2)) % 2 === 1 ? 0 : 3));
  const second = new Uint8Array(side * side).fill(1);
  const gif = animatedGif(
    side,
    side,
    [
      [220, 20, 20],
      [20, 20, 220],
      [0, 160, 0],
      [255, 255, 255],
    ],
    [first, second],
  );
  await uploadAndWait(page, { name: 'anim.gif', mimeType: 'image/gif', buffer: gif });
  await expect(page.getByTestId('image-notice')).toContainText('Only the first frame of the GIF is used.');
  await expect(page.getByTestId('error-message')).toHaveCount(0);
  expect(colourDistance(await pixelAt(page, 'original-canvas', 1.5 / side, 1.5 / side), [255, 255, 255])).toBeLessThanOrEqual(2);
  expect(colourDistance(await pixelAt(page, 'original-canvas', 5.5 / side, 1.5 / side), [220, 20, 20])).toBeLessThanOrEqual(2);
  expect((await canvasStats(page, 'whitened-canvas')).std).toBeGreaterThan(1);
  console.assertClean();
});
