// A real `reproduce` process (mlp, MNIST, one seed, on wasm) stopped by SIGINT after its first step:
// the unfinished run is saved with "complete": false and the report is still written, without it.
// Only the stop contract is checked here (the script's plan and file layout are its own business).
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Every object in a parsed JSON value (results files are arrays of runs or objects holding them). */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value && typeof value === 'object') return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
  return [];
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reproduce-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('npm run reproduce, stopped', () => {
  it('SIGINT after the first step: saves the unfinished run and writes the report; exit 130', async () => {
    const args = ['--import', 'tsx', 'scripts/reproduce.ts', '--models', 'mlp', '--datasets', 'mnist', '--seeds', '1', '--out', dir];
    const result = await new Promise<{ code: number | null; stderr: string; stopMs: number }>((resolve, reject) => {
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      let sentAt = 0;
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!sentAt && /: step 1\//.test(stderr)) {
          sentAt = performance.now();
          child.kill('SIGINT');
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stderr, stopMs: performance.now() - sentAt }));
    });
    console.log(`reproduce exited ${result.stopMs.toFixed(0)} ms after SIGINT`);
    expect(result.stderr).toMatch(/^backend: wasm/m);
    expect(result.stderr).toMatch(/SIGINT: stopping after the current step/);
    expect(result.stderr).toMatch(/mlp mnist .*stopped at step \d+\/\d+/);
    expect(result.code).toBe(130);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    const records = (await Promise.all(files.map(async (f) => objects(JSON.parse(await readFile(join(dir, f), 'utf8')))))).flat();
    expect(records.filter((r) => r.complete === false)).toHaveLength(1);
    expect(records.some((r) => r.complete === true)).toBe(false);
    const report = await readFile(join(dir, 'reproduction.md'), 'utf8');
    expect(report).toMatch(/1 stopped run\(s\) are kept in reports\/ but not in the table/);
  });
});
