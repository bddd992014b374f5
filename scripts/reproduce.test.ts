// A real `reproduce` process (mlp, MNIST, one seed, on wasm) stopped by SIGINT after its first step:
// the unfinished run is saved with "complete": false and the report is still written, without it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../src/train/headless';

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
        if (!sentAt && /step 1\//.test(stderr)) {
          sentAt = performance.now();
          child.kill('SIGINT');
        }
      });
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stderr, stopMs: performance.now() - sentAt }));
    });
    console.log(`reproduce exited ${result.stopMs.toFixed(0)} ms after SIGINT`);
    expect(result.stderr).toMatch(/^backend: wasm/m);
    expect(result.stderr).toMatch(/mlp mnist seed 1: stopped at step \d+\/62/);
    expect(result.code).toBe(130);
    const runs = JSON.parse(await readFile(join(dir, 'reproduction-mlp.json'), 'utf8')) as RunRecord[];
    expect(runs).toHaveLength(1);
    expect([runs[0].complete, runs[0].config.backend, runs[0].totalSteps]).toEqual([false, 'wasm', 62]);
    expect(runs[0].stepsDone).toBeGreaterThanOrEqual(1);
    const report = await readFile(join(dir, 'reproduction.md'), 'utf8');
    expect(report).toContain('1 stopped run(s) are kept in reports/ but not in the table');
    expect(report).not.toMatch(/\| mlp \| mnist \|/);
  });
});
