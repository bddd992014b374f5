// Real processes: `train` stopped by SIGINT / SIGTERM after its first progress line writes the steps it
// finished with "complete": false and exits 130 / 143; a run that finishes says "complete": true.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../train/headless';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'train-stop-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** Milliseconds from sending the signal to the process's exit. */
  stopMs?: number;
}

/**
 * Runs the CLI; with `signal`, sends it once the first progress line (`] 1/`) is on stderr. `viaShell`
 * starts it the way `npm run cli` does (`sh -c "node ..."`) and signals only the shell, as npm forwards
 * a SIGTERM it gets (`timeout 60 npm run cli ...`): the shell dies, the CLI sees its parent change.
 */
function train(args: string[], signal?: NodeJS.Signals, viaShell = false): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, '--import', 'tsx', 'src/cli/main.ts', 'train', ...args];
    const child = viaShell
      ? spawn('sh', ['-c', `${command.map((a) => `'${a}'`).join(' ')}; true`], { stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    let exited = false;
    let stderr = '';
    let sentAt: number | undefined;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (signal && sentAt === undefined && /\] 1\//.test(stderr)) {
        sentAt = performance.now();
        child.kill(signal);
      }
    });
    child.stdout.resume();
    child.on('error', reject);
    const done = (code: number | null, sig: NodeJS.Signals | null): void => {
      if (exited) return;
      exited = true;
      resolve({ code, signal: sig, stderr, stopMs: sentAt === undefined ? undefined : performance.now() - sentAt });
    };
    // Through a shell, the shell exits first; the CLI's end shows as the end of its stderr.
    if (viaShell) child.stderr.on('close', () => done(null, null));
    else child.on('exit', done);
  });
}

const TINY = ['--dataset', 'mnist', '--model', 'mlp', '--batch', '8', '--eval-every', '1000000', '--eval-size', '16'];

describe('train stops on a signal and keeps the work', () => {
  for (const [signal, exitCode] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} after the first step: JSON of the steps done, "complete": false, exit ${exitCode}`, async () => {
      const json = join(dir, `${signal}.json`);
      const result = await train([...TINY, '--json', json], signal);
      console.log(`${signal}: exited ${result.stopMs?.toFixed(0)} ms after the signal`);
      expect(result.stderr).toMatch(/^backend: wasm \(XNNPACK/m);
      expect(result.stderr).toMatch(new RegExp(`${signal}: stopping after the current step and writing`));
      expect(result.stderr).toMatch(/stopped at step \d+ of 1000/);
      expect([result.code, result.signal]).toEqual([exitCode, null]);
      expect(result.stopMs).toBeLessThan(15_000); // a hang check; the measured time is printed above
      const record = JSON.parse(await readFile(json, 'utf8')) as RunRecord;
      expect(record.complete).toBe(false);
      expect(record.totalSteps).toBe(1000);
      expect(record.stepsDone).toBeGreaterThanOrEqual(1);
      expect(record.stepsDone).toBeLessThan(record.totalSteps);
      expect(record.config.backend).toBe('wasm');
      for (const v of record.variants)
        expect(v.steps.map((s) => s.step)).toEqual(Array.from({ length: record.stepsDone }, (_, i) => i + 1));
    });
  }

  it('SIGTERM to the shell of `npm run` (which dies without passing it on): the CLI still stops and writes the JSON', async () => {
    const json = join(dir, 'shell.json');
    const result = await train([...TINY, '--json', json], 'SIGTERM', true);
    console.log(`shell killed: CLI done ${result.stopMs?.toFixed(0)} ms after the signal`);
    expect(result.stderr).toMatch(/SIGTERM: stopping after the current step/);
    expect(result.stopMs).toBeLessThan(15_000);
    const record = JSON.parse(await readFile(json, 'utf8')) as RunRecord;
    expect(record.complete).toBe(false);
    expect(record.stepsDone).toBeLessThan(record.totalSteps);
  });

  it('a run that finishes writes "complete": true and exits 0', async () => {
    const json = join(dir, 'done.json');
    const result = await train([
      '--dataset',
      'mnist',
      '--model',
      'mlp',
      '--batch',
      '2000',
      '--eval-size',
      '16',
      '--norm',
      'batchnorm',
      '--json',
      json,
    ]);
    expect([result.code, result.signal]).toEqual([0, null]);
    const record = JSON.parse(await readFile(json, 'utf8')) as RunRecord;
    expect([record.complete, record.stepsDone, record.totalSteps]).toEqual([true, 4, 4]);
    expect(record.variants[0].test.length).toBe(1);
  });
});
