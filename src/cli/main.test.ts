// One real process: the CLI entry turns errors into a single `error: ...` line and a non-zero exit.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('cli entry (spawned)', () => {
  it('prints one error line without a stack trace and exits non-zero for a missing file', () => {
    const result = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'whiten', 'no-such-image.png', '--kernel', '3'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    const lines = result.stderr.split('\n').filter((line) => line.trim() !== '' && !/tfjs-node|TensorFlow\.js in Node|^=+$/.test(line));
    expect(lines).toEqual(['error: no such file: no-such-image.png']);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
