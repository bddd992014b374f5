// `bundle_initial_kb_gz`: builds the app to a temporary folder and sums the gzip sizes of what
// index.html loads before anything else runs — its module scripts, modulepreloads and stylesheets.
// Lazy chunks and workers load later and are listed as context only.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { atMost, valueRow } from '../src/bench/rows';
import type { BenchRow } from '../src/bench/types';

export const BUNDLE_GROUP = 'bundle_initial_kb_gz';
const TARGET_KB = 400;

export interface BuiltApp {
  outDir: string;
  rows: BenchRow[];
}

const gzKb = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

/** Paths (relative to the dist root) that index.html references as initial scripts, preloads and styles. */
export function initialAssets(html: string): string[] {
  const found = new Set<string>();
  const tag = /<(script|link)\b[^>]*>/g;
  for (const [element, name] of html.matchAll(tag)) {
    const attr = (key: string) => new RegExp(`\\b${key}="([^"]+)"`).exec(element)?.[1];
    const rel = attr('rel');
    const ref = name === 'script' ? attr('src') : rel === 'modulepreload' || rel === 'stylesheet' ? attr('href') : undefined;
    if (ref && !/^(data:|https?:)/.test(ref)) found.add(ref.replace(/^\.?\//, ''));
  }
  return [...found];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

export async function measureBundle(): Promise<BuiltApp> {
  const outDir = mkdtempSync(join(tmpdir(), 'deconv-bench-dist-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const initial = initialAssets(html);
  const initialKb = initial.reduce((sum, file) => sum + gzKb(join(outDir, file)), 0);
  const initialSet = new Set(initial);
  const gpuCheckOnly = new Set(initialAssets(readFileSync(join(outDir, 'gpu-check.html'), 'utf8')).filter((f) => !initialSet.has(f)));
  const later = listFiles(outDir)
    .map((path) => relative(outDir, path))
    .filter((f) => /\.(js|css)$/.test(f) && !initialSet.has(f) && !gpuCheckOnly.has(f))
    .map((f) => ({ file: f, kb: gzKb(join(outDir, f)) }))
    .sort((a, b) => b.kb - a.kb);
  const laterKb = later.reduce((sum, f) => sum + f.kb, 0);
  const row = valueRow(
    BUNDLE_GROUP,
    `index.html initial JS + CSS (${initial.length} files, gzip -9)`,
    'n/a',
    [
      { label: 'initial gz', value: initialKb, unit: 'kB' },
      { label: 'lazy chunks + workers gz (context)', value: laterKb, unit: 'kB' },
    ],
    1,
    `initial: ${initial.join(', ')}; loaded later: ${later.map((f) => `${f.file} ${f.kb.toFixed(0)} kB`).join(', ')}`,
  );
  const target = atMost(TARGET_KB);
  row.target = `<= ${TARGET_KB} kB`;
  row.met = target.met(initialKb);
  return { outDir, rows: [row] };
}
