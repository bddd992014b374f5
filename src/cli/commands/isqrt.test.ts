import { describe, expect, it } from 'vitest';
import { relativeFrobeniusError } from '../../core/reference/matrix';
import { inverseSqrt, sqrtm } from '../../core/reference/matrixFunctions';
import { randomSpd, seededRng } from '../../core/reference/random';
import type { CliIo } from '../io';
import { run } from './isqrt';

async function runWith(stdin: string, args: string[] = []): Promise<string> {
  const out: string[] = [];
  const io: CliIo = { readStdin: async () => stdin, write: (t) => out.push(t), note: () => undefined };
  await run(args, io);
  return out.join('');
}

function toNested(m: Float64Array, n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(m.subarray(i * n, (i + 1) * n)));
}

describe('cli isqrt', () => {
  it('returns isqrt and sqrt of a stack of SPD matrices (relative 1e-5 of the float64 exact roots at K=20)', async () => {
    const n = 4;
    const mats = [randomSpd(n, 10, seededRng(1)), randomSpd(n, 100, seededRng(2))];
    const text = await runWith(JSON.stringify({ matrices: mats.map((m) => toNested(m, n)) }), ['--iters', '20']);
    expect(text.endsWith('\n')).toBe(true);
    const result = JSON.parse(text) as { isqrt: number[][][]; sqrt: number[][][] };
    expect(Object.keys(result)).toEqual(['isqrt', 'sqrt']);
    mats.forEach((m, b) => {
      expect(relativeFrobeniusError(result.isqrt[b].flat(), inverseSqrt(m, n))).toBeLessThan(1e-5);
      expect(relativeFrobeniusError(result.sqrt[b].flat(), sqrtm(m, n))).toBeLessThan(1e-5);
    });
  });

  it('--help prints the usage', async () => {
    expect(await runWith('', ['--help'])).toMatch(/^usage: isqrt .*--backend wasm\|cpu\|webgpu \(default wasm\)/);
  });

  it('runs on wasm by default and on cpu with --backend cpu, saying which on stderr; same roots within 1e-6', async () => {
    const stdin = '{"matrices": [[[4, 1], [1, 3]]]}';
    const notes: string[] = [];
    const outputs: string[] = [];
    for (const backend of [[], ['--backend', 'cpu']]) {
      const out: string[] = [];
      await run(['--iters', '20', ...backend], { readStdin: async () => stdin, write: (t) => out.push(t), note: (t) => notes.push(t) });
      outputs.push(out.join(''));
    }
    expect(notes[0]).toMatch(/^backend: wasm \(XNNPACK/);
    expect(notes[1]).toMatch(/^backend: cpu /);
    const [wasm, cpu] = outputs.map((o) => (JSON.parse(o) as { isqrt: number[][][] }).isqrt.flat(2));
    wasm.forEach((v, i) => expect(Math.abs(v - cpu[i])).toBeLessThan(1e-6));
  });

  it('handles a 1x1 matrix: isqrt of [[4]] is [[0.5]]', async () => {
    const result = JSON.parse(await runWith('{"matrices": [[[4]]]}')) as { isqrt: number[][][]; sqrt: number[][][] };
    expect(result.isqrt[0][0][0]).toBeCloseTo(0.5, 6);
    expect(result.sqrt[0][0][0]).toBeCloseTo(2, 6);
  });

  it('rejects bad input with one-line messages', async () => {
    await expect(runWith('')).rejects.toThrow(/no input on stdin/);
    await expect(runWith('{"matrices": [[[1, 2]')).rejects.toThrow(/stdin is not valid JSON/);
    await expect(runWith('{"matrix": []}')).rejects.toThrow(/expected \{"matrices": \[...\]\}/);
    await expect(runWith('{"matrices": [[[1, 2], [2]]]}')).rejects.toThrow(/matrix 0 is not square: row 1 has 1 entries, expected 2/);
    await expect(runWith('{"matrices": [[[1, 0], [0, 1]], [[1]]]}')).rejects.toThrow(/matrix 1 must have 2 rows/);
    await expect(runWith('{"matrices": [[[1, 0.5], [0.4, 1]]]}')).rejects.toThrow(
      /matrix 0 is not symmetric: \[0\]\[1\] = 0.5 but \[1\]\[0\] = 0.4/,
    );
    await expect(runWith('{"matrices": [[[1, 2], [2, 1]]]}')).rejects.toThrow(/matrix 0 is not positive definite/);
    await expect(runWith('{"matrices": [[[1, "a"], ["a", 1]]]}')).rejects.toThrow(/entry \[0\]\[1\] is not a finite number/);
    await expect(runWith('{"matrices": [[[1]]]}', ['--iters', '0'])).rejects.toThrow(/--iters must be a whole number from 1 to 100/);
    await expect(runWith('{"matrices": [[[1]]]}', ['extra'])).rejects.toThrow(/unexpected argument "extra"/);
  });
});
