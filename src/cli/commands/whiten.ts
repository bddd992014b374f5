// `whiten <image.png|jpg> [--kernel 3] [--eps 1e-5] [--iters 15] [--stride 3] [--grey]
//   [--out whitened.png] [--json stats.json] [--backend wasm|cpu|webgpu]`
import { readFile, writeFile } from 'node:fs/promises';
import { whitenImage, WHITEN_LIMITS, type WhitenOptions, type WhitenResult } from '../../core/whiten';
import { CliError } from '../cliError';
import { booleanFlag, choiceFlag, numberFlag, parseFlags, stringFlag } from '../flags';
import { decodeImage, encodeSymmetricPng } from '../imageIo';
import { processIo, type CliIo } from '../io';
import { BACKEND_USAGE, DEFAULT_NODE_BACKEND, describeNodeBackend, initNodeBackend, NODE_BACKENDS } from '../nodeBackend';

const FLAGS = {
  kernel: 'number',
  eps: 'number',
  iters: 'number',
  stride: 'number',
  grey: 'boolean',
  out: 'string',
  json: 'string',
  backend: 'string',
  help: 'boolean',
} as const;

export const WHITEN_USAGE =
  'usage: whiten <image.png|jpg> [--kernel K (odd 1-9, default 3)] [--eps E (default 1e-5)] [--iters N (1-30, default 15)] ' +
  `[--stride S (statistics sampling stride, default 3)] [--grey] [--out whitened.png] [--json stats.json] [${BACKEND_USAGE}]`;

/** kernels[c_out][c_in][dy][dx] from the flat [cOut, cIn, k, k] array. */
function nestedKernels(result: WhitenResult): number[][][][] {
  const [cOut, cIn, k] = result.kernels.shape;
  const at = (co: number, ci: number, dy: number, dx: number): number => result.kernels.data[((co * cIn + ci) * k + dy) * k + dx];
  return Array.from({ length: cOut }, (_, co) =>
    Array.from({ length: cIn }, (_, ci) => Array.from({ length: k }, (_, dy) => Array.from({ length: k }, (_, dx) => at(co, ci, dy, dx)))),
  );
}

export function statsJson(
  result: WhitenResult,
  meta: { image: string; options: WhitenOptions; backend: string; elapsedMs: number },
): object {
  const per = (key: 'kurtosis' | 'nearZeroFraction') => ({
    input: result.stats.input.map((s) => s[key]),
    output: result.stats.output.map((s) => s[key]),
  });
  return {
    image: { path: meta.image, width: result.width, height: result.height, channels: result.channels },
    options: meta.options,
    backend: meta.backend,
    implementation: result.implementation,
    patchCount: result.patchCount,
    kernels: nestedKernels(result),
    mean: Array.from(result.mean),
    kurtosis: per('kurtosis'),
    nearZeroFraction: per('nearZeroFraction'),
    eigenvalues: result.eigenvalues,
    whitenedEigenvalues: result.whitenedEigenvalues,
    isqrtRelativeError: result.isqrtRelativeError,
    displayRange: result.displayRange,
    elapsedMs: meta.elapsedMs,
  };
}

export async function run(args: string[], io: CliIo = processIo): Promise<void> {
  const parsed = parseFlags(args, FLAGS);
  if (booleanFlag(parsed, 'help')) {
    io.write(`${WHITEN_USAGE}\n`);
    return;
  }
  if (parsed.positional.length !== 1) {
    throw new CliError(
      parsed.positional.length === 0
        ? `no image given\n${WHITEN_USAGE}`
        : `expected one image, got ${parsed.positional.length}: ${parsed.positional.join(' ')}`,
    );
  }
  const [path] = parsed.positional;
  const options: WhitenOptions = {
    kernel: numberFlag(parsed, 'kernel', { fallback: 3, odd: true, min: 1, max: WHITEN_LIMITS.maxKernel }),
    eps: numberFlag(parsed, 'eps', { fallback: 1e-5, above: 0 }),
    iters: numberFlag(parsed, 'iters', { fallback: 15, integer: true, min: 1, max: WHITEN_LIMITS.maxIters }),
    samplingStride: numberFlag(parsed, 'stride', { fallback: 3, integer: true, min: 1 }),
    grey: booleanFlag(parsed, 'grey'),
  };
  const backend = choiceFlag(parsed, 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND);
  const out = stringFlag(parsed, 'out');
  const json = stringFlag(parsed, 'json');

  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT'
        ? `no such file: ${path}`
        : code === 'EISDIR'
          ? `${path} is a directory, not an image`
          : `cannot read ${path} (${code ?? 'unknown error'})`,
    );
  }
  const image = decodeImage(bytes, path);
  if (image.hadAlpha) io.note(`note: ${path} has transparency; it is ignored\n`);
  if (image.height < options.kernel || image.width < options.kernel) {
    throw new CliError(`the image (${image.width}x${image.height}) is smaller than the ${options.kernel}x${options.kernel} kernel`);
  }
  await initNodeBackend(backend);
  io.note(`backend: ${await describeNodeBackend(backend)}\n`);

  const started = performance.now();
  const result = await whitenImage(image, options);
  const elapsedMs = Math.round(performance.now() - started);

  if (out) await writeFile(out, encodeSymmetricPng(result.whitened, result.width, result.height, result.channels, result.displayRange));
  if (json) await writeFile(json, `${JSON.stringify(statsJson(result, { image: path, options, backend, elapsedMs }), null, 1)}\n`);
  const fmt = (values: number[]) => values.map((v) => v.toFixed(2)).join('/');
  io.write(
    `${path}: ${result.width}x${result.height}x${result.channels}, k=${options.kernel} K=${options.iters} eps=${options.eps} stride=${options.samplingStride}, ` +
      `${result.patchCount} patches, kurtosis ${fmt(result.stats.input.map((s) => s.kurtosis))} -> ${fmt(result.stats.output.map((s) => s.kurtosis))}, ` +
      `isqrt error ${result.isqrtRelativeError.toExponential(2)}, ${elapsedMs} ms on ${backend} (${result.implementation})\n`,
  );
}
