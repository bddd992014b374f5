// Runs the benchmark page (gpu-check.html) in headless Chromium on WebGPU, served by an in-process
// Vite dev server, and returns its rows.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { createServer } from 'vite';
import type { BenchOptions, BenchRow } from '../src/gpu/check/benchCases';
import type { GpuCheckApi, GpuCheckInfo } from '../src/gpu/check/main';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export async function runBrowserBench(opts: BenchOptions): Promise<{ info: GpuCheckInfo; rows: BenchRow[] }> {
  const server = await createServer({
    logLevel: 'warn',
    // No watching and no HMR: an edit elsewhere must not reload the page mid-run.
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    // Pre-bundle every dependency of the page up front: a dependency discovered later makes Vite
    // reload the page mid-benchmark.
    optimizeDeps: {
      include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-core/dist/register_all_gradients', '@tensorflow/tfjs-backend-webgpu'],
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--enable-unsafe-webgpu', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    if (!url) throw new Error('the Vite dev server did not report a URL');
    const page = await browser.newPage();
    page.on('console', (msg) => {
      if (msg.text().startsWith('[bench]')) console.log(`  chromium ${msg.text()}`);
    });
    await page.goto(`${url}gpu-check.html`, { waitUntil: 'networkidle' });
    const info = await page.evaluate(() => (window as Window & { deconvGpuCheck?: GpuCheckApi }).deconvGpuCheck?.ready);
    if (!info) throw new Error('gpu-check.html did not expose window.deconvGpuCheck');
    const rows = await page.evaluate(
      (o) =>
        (window as Window & { deconvGpuCheck?: GpuCheckApi }).deconvGpuCheck?.runBench(o, (row) =>
          console.log(`[bench] ${row.name} ${row.shape}: fused ${row.fusedMs.toFixed(1)} ms, composed ${row.composedMs.toFixed(1)} ms`),
        ),
      opts,
    );
    return { info, rows: rows ?? [] };
  } finally {
    await browser.close();
    await server.close();
  }
}
