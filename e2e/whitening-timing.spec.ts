import { test } from '@playwright/test';
import { answeredId, waitForNextAnswer, waitForWhitening } from './support/app';

// Not a timing assertion: records whitening latency per backend for the README. Opt-in (slow):
// E2E_TIMING=1 npx playwright test e2e/whitening-timing.spec.ts --project=webgpu
test.skip(!process.env.E2E_TIMING, 'set E2E_TIMING=1 to record whitening latency');
test.setTimeout(300_000);

for (const backend of ['webgpu', 'webgl', 'cpu'] as const) {
  test(`records whitening latency on ${backend}`, async ({ page }, info) => {
    await page.goto(`/?backend=${backend}`);
    await waitForWhitening(page);
    const times: string[] = [(await page.getByTestId('whiten-ms').textContent()) ?? ''];
    for (const iters of ['5', '15', '16']) {
      const before = await answeredId(page);
      await page.getByTestId('iterations-slider').fill(iters);
      await waitForNextAnswer(page, before);
      times.push((await page.getByTestId('whiten-ms').textContent()) ?? '');
    }
    const line = `${backend}: first ${times[0]}, then ${times.slice(1).join(', ')} (${await page.getByTestId('measurement').textContent()})`;
    info.annotations.push({ type: 'timing', description: line });
    console.log(line);
  });
}
