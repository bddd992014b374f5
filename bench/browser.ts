// Runs the suite in headless Chromium: an in-process Vite dev server serves bench.html, whose
// script runs `runSuite` on WebGPU, WebGL, WASM and CPU in one page and streams rows via the console.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { createServer } from 'vite';
import type { BenchReport, BenchRow, BenchSuiteOptions } from '../src/bench/types';
import type { BenchPageApi } from './page';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';
const ROW_PREFIX = '[bench-row] ';
const PROGRESS_PREFIX = '[bench] ';

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined);
  return chromium.launch({
    executablePath,
    args: [
      '--enable-unsafe-webgpu',
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function runBrowserSuite(
  options: BenchSuiteOptions,
  onRow: (row: BenchRow) => void,
  onProgress: (text: string) => void,
): Promise<BenchReport> {
  const server = await createServer({
    logLevel: 'warn',
    // No watching and no HMR: an edit elsewhere must not reload the page mid-run.
    server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    // Pre-bundle every dependency up front: one discovered later makes Vite reload the page mid-run.
    optimizeDeps: {
      entries: ['bench.html'],
      include: [
        '@tensorflow/tfjs-core',
        '@tensorflow/tfjs-core/dist/register_all_gradients',
        '@tensorflow/tfjs-backend-cpu',
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-webgl',
        '@tensorflow/tfjs-backend-webgpu',
      ],
    },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  const browser = await launchChromium();
  try {
    if (!url) throw new Error('the Vite dev server did not report a URL');
    const page = await browser.newPage();
    page.on('console', (msg) => {
      const text = msg.text();
      if (text.startsWith(ROW_PREFIX)) onRow(JSON.parse(text.slice(ROW_PREFIX.length)) as BenchRow);
      else if (text.startsWith(PROGRESS_PREFIX)) onProgress(text.slice(PROGRESS_PREFIX.length));
    });
    page.on('pageerror', (error) => onProgress(`page error: ${error.message}`));
    await page.goto(`${url}bench.html`, { waitUntil: 'networkidle' });
    const report = await page.evaluate((o) => (window as Window & { deconvBench?: BenchPageApi }).deconvBench?.run(o), options);
    if (!report) throw new Error('bench.html did not expose window.deconvBench');
    return report;
  } finally {
    await browser.close();
    await server.close();
  }
}
