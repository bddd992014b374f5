// `npm run bench`: the suite of src/bench in headless Chromium (WebGPU, WebGL, WASM and CPU in one
// page) and in Node (wasm, Dawn WebGPU and cpu), plus the built app's initial bundle and first paint.
// Prints a markdown table and writes bench/results/latest.json. Flags: see bench/README.md.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchReport, BenchRow } from '../src/bench/types';
import { parseArgs } from './args';
import { runBrowserSuite } from './browser';
import { measureBundle } from './bundle';
import { runNodeSuite } from './node';
import { measurePaint } from './paint';
import { measureResponsiveness } from './responsiveness';
import { markdownTable, rowLine } from './table';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function failed(runtime: BenchReport['runtime'], options: BenchReport['options'], error: unknown): BenchReport {
  const row: BenchRow = { group: 'runner', label: 'failed', backend: 'n/a', values: [], reps: 0, note: message(error) };
  return { date: new Date().toISOString(), devices: {}, runtime, options, rows: [row], totalSeconds: 0 };
}

const progress = (runtime: string) => (text: string) => console.log(`  ${runtime}: ${text}`);
const printRow = (runtime: string) => (row: BenchRow) => console.log(`  ${rowLine(runtime, row)}`);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const reports: BenchReport[] = [];
  if (args.browser) {
    console.log(`Chromium (${args.options.backends.join(', ')})…`);
    try {
      reports.push(await runBrowserSuite(args.options, printRow('chromium'), progress('chromium')));
    } catch (error) {
      reports.push(failed('chromium', args.options, error));
    }
  }
  if (args.bundle) {
    console.log('Built app: bundle size and first paint…');
    const extra: BenchRow[] = [];
    let outDir: string | undefined;
    try {
      const built = await measureBundle();
      outDir = built.outDir;
      extra.push(...built.rows);
      if (args.paint) extra.push(...(await measurePaint(built.outDir)));
      if (args.responsiveness) extra.push(...(await measureResponsiveness(built.outDir, args.options.backends)));
    } catch (error) {
      extra.push({ group: 'bundle_initial_kb_gz', label: 'failed', backend: 'n/a', values: [], reps: 0, note: message(error) });
    } finally {
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    }
    extra.forEach(printRow('built app'));
    // Measured by the runner, in Chromium on the built app: appended to the Chromium report.
    const chromium = reports.find((r) => r.runtime === 'chromium');
    if (chromium) chromium.rows.push(...extra);
    else
      reports.push({
        date: new Date().toISOString(),
        devices: {},
        runtime: 'chromium',
        options: args.options,
        rows: extra,
        totalSeconds: 0,
      });
  }
  for (const run of args.node ? args.nodeRuns : []) {
    const options = { ...args.options, backends: run.backends, groups: run.groups };
    console.log(`Node (${run.backends.join(', ')}; ${run.groups.join(', ')})…`);
    try {
      reports.push(await runNodeSuite(options, printRow('node'), progress('node')));
    } catch (error) {
      reports.push(failed('node', options, error));
    }
  }
  const markdown = markdownTable(reports);
  console.log(`\n${markdown}\n`);
  const out = args.out ? resolve(args.out) : join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  const totalSeconds = (Date.now() - started) / 1000;
  const result = {
    date: new Date(started).toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    totalSeconds,
    reports,
    markdown,
  };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out} (${totalSeconds.toFixed(0)} s)`);
  const anyFailed = reports.some((r) => r.rows.some((row) => row.label === 'failed'));
  process.exit(anyFailed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`npm run bench: ${message(error)}`);
  process.exit(2);
});
