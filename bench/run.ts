// `npm run bench`: fused WGSL kernels vs the composed tf-op paths, side by side in one run on one
// backend, in headless Chromium (WebGPU) and in Node (Dawn). Prints a markdown table and writes
// bench/results/latest.json. Flags: --full (adds 576 x 576 and Node forward+backward), --no-node,
// --no-browser, --reps=N (default 3).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchOptions, BenchRow } from '../src/gpu/check/benchCases';
import { runBrowserBench } from './browser';
import { runNodeBench } from './node';

interface Section {
  runtime: 'chromium' | 'node';
  device: string;
  rows: BenchRow[];
  note?: string;
  error?: string;
}

const args = new Set(process.argv.slice(2));
const repsArg = [...args].find((a) => a.startsWith('--reps='));
const options: BenchOptions = {
  large: args.has('--full'),
  gradients: true,
  maxReps: repsArg ? Number(repsArg.slice('--reps='.length)) : 3,
  budgetMsPerCase: args.has('--full') ? 600_000 : 8_000,
};

function table(sections: Section[]): string {
  const lines = [
    '| runtime | device | case | shape | fused ms | composed ms | speedup (composed/fused) | reps | target | met |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of sections) {
    for (const r of s.rows) {
      lines.push(
        `| ${s.runtime} | ${s.device} | ${r.name} | ${r.shape} | ${r.fusedMs.toFixed(1)} | ${r.composedMs.toFixed(1)} | ${r.speedup.toFixed(2)}x | ${r.reps} | ${r.target} | ${r.met ? 'yes' : 'no'} |`,
      );
    }
    if (s.error) lines.push(`| ${s.runtime} | ${s.device} | failed: ${s.error} | | | | | | | |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const sections: Section[] = [];
  if (!args.has('--no-browser')) {
    console.log('Chromium (WebGPU)…');
    try {
      const { info, rows } = await runBrowserBench(options);
      sections.push({ runtime: 'chromium', device: info.adapter, rows });
    } catch (error) {
      sections.push({ runtime: 'chromium', device: 'unknown', rows: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (!args.has('--no-node')) {
    console.log('Node (Dawn)…');
    try {
      // Node repeats Chromium's forward cases; forward+backward there only with --full (time budget).
      sections.push({ runtime: 'node', ...(await runNodeBench({ ...options, gradients: options.large })) });
    } catch (error) {
      sections.push({ runtime: 'node', device: 'unknown', rows: [], error: error instanceof Error ? error.message : String(error) });
    }
  }
  const markdown = table(sections);
  console.log(`\n${markdown}\n`);
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'latest.json');
  mkdirSync(dirname(out), { recursive: true });
  const result = { date: new Date().toISOString(), options, totalSeconds: (Date.now() - started) / 1000, sections, markdown };
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${out} (${result.totalSeconds.toFixed(0)} s)`);
  process.exit(sections.some((s) => s.error) ? 1 : 0);
}

void main();
