import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { pinkNoise } from '../../core/reference/syntheticImages';
import { encodeUnitPng } from '../imageIo';
import type { CliIo } from '../io';
import { run } from './whiten';

let dir = '';
const output: string[] = [];
const io: CliIo = { readStdin: async () => '', write: (t) => output.push(t), note: (t) => output.push(t) };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'whiten-cli-'));
  const img = pinkNoise(40, 36, 3, 1);
  await writeFile(join(dir, 'rgb.png'), encodeUnitPng(img.data, img.width, img.height, 3));
  await writeFile(join(dir, 'tiny.png'), encodeUnitPng(new Float32Array(4 * 3), 2, 2, 3));
  await writeFile(join(dir, 'notes.png'), 'not really a png');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('cli whiten', () => {
  it('writes a whitened PNG of the same size and stats.json with kernels[c_out][c_in][dy][dx]', async () => {
    const out = join(dir, 'w.png');
    const json = join(dir, 's.json');
    await run([join(dir, 'rgb.png'), '--kernel', '5', '--eps', '1e-5', '--iters', '15', '--stride', '2', '--out', out, '--json', json], io);
    const png = PNG.sync.read(await readFile(out));
    expect([png.width, png.height]).toEqual([36, 40]);
    const stats = JSON.parse(await readFile(json, 'utf8')) as Record<string, unknown> & {
      kernels: number[][][][];
      mean: number[];
      kurtosis: { input: number[]; output: number[] };
      nearZeroFraction: { input: number[]; output: number[] };
      eigenvalues: number[];
    };
    expect(stats.kernels.length).toBe(3);
    expect(stats.kernels[0].length).toBe(3);
    expect(stats.kernels[0][0].length).toBe(5);
    expect(stats.kernels[2][2][2][2]).toBeGreaterThan(0); // centre of channel 2's own kernel
    expect(stats.mean.length).toBe(75);
    expect(stats.kurtosis.input.length).toBe(3);
    expect(stats.kurtosis.output.length).toBe(3);
    expect(stats.nearZeroFraction.output.length).toBe(3);
    expect(stats.eigenvalues.length).toBe(75);
    expect(stats).toMatchObject({
      options: { kernel: 5, eps: 1e-5, iters: 15, samplingStride: 2, grey: false },
      implementation: 'composed',
      backend: 'wasm',
    });
    expect(output.join('')).toMatch(/40x36|36x40/);
    expect(output.join('')).toMatch(/^backend: wasm \(XNNPACK, SIMD/m); // the default, said on stderr
  });

  it('--help prints the usage', async () => {
    output.length = 0;
    await run(['--help'], io);
    expect(output.join('')).toMatch(/^usage: whiten <image.png\|jpg>/);
  });

  it('--grey whitens one channel', async () => {
    const json = join(dir, 'g.json');
    await run([join(dir, 'rgb.png'), '--grey', '--json', json], io);
    const stats = JSON.parse(await readFile(json, 'utf8')) as { kernels: number[][][][]; image: { channels: number } };
    expect(stats.image.channels).toBe(1);
    expect(stats.kernels.length).toBe(1);
    expect(stats.kernels[0][0].length).toBe(3);
  });

  it('reports bad input as CliErrors with clear messages', async () => {
    await expect(run([], io)).rejects.toThrow(/no image given/);
    await expect(run([join(dir, 'missing.png')], io)).rejects.toThrow(/no such file: .*missing.png/);
    await expect(run([dir], io)).rejects.toThrow(/is a directory/);
    await expect(run([join(dir, 'notes.png')], io)).rejects.toThrow(/is not a PNG or JPEG image/);
    await expect(run([join(dir, 'tiny.png'), '--kernel', '3'], io)).rejects.toThrow(/\(2x2\) is smaller than the 3x3 kernel/);
    await expect(run([join(dir, 'rgb.png'), '--kernel', '4'], io)).rejects.toThrow(/--kernel must be an odd whole number from 1 to 9/);
    await expect(run([join(dir, 'rgb.png'), '--eps', '0'], io)).rejects.toThrow(/--eps must be a number greater than 0/);
    await expect(run([join(dir, 'rgb.png'), '--iters', '31'], io)).rejects.toThrow(/--iters must be a whole number from 1 to 30/);
    await expect(run([join(dir, 'rgb.png'), '--strid', '2'], io)).rejects.toThrow(/unknown flag --strid/);
    await expect(run([join(dir, 'rgb.png'), '--backend', 'gpu'], io)).rejects.toThrow(/--backend must be one of wasm, cpu, webgpu/);
  });
});
