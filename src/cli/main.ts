// `npm run cli -- <command> [flags]`: headless Deconv Lab on Node (tfjs wasm by default; cpu, or webgpu via Dawn).
// Each command lives in src/cli/commands/<name>.ts and exports `run(args: string[]): Promise<void>`.
import { CliError } from './cliError';
import { BACKEND_USAGE } from './nodeBackendNames';

type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<void> }> };

const commands: Record<string, Command> = {
  whiten: {
    summary: 'whiten an image: whiten <image> --kernel K --eps E --iters N --stride S --out png --json stats',
    load: () => import('./commands/whiten'),
  },
  isqrt: { summary: 'inverse square roots of matrices on stdin: isqrt --iters N', load: () => import('./commands/isqrt') },
  train: {
    summary: 'train deconvolution vs batch norm: train --dataset D --model M --norm deconv,batchnorm ... --json run.json',
    load: () => import('./commands/train'),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return [
    'usage: npm run cli -- <command> [flags]',
    '',
    'commands:',
    ...lines,
    '',
    `every command takes ${BACKEND_USAGE}: wasm runs XNNPACK (SIMD) with the kernels of src/kernels; cpu is tfjs's JavaScript reference`,
    "and --help; the backend that ran is printed on stderr ('backend: ...'). Ctrl+C stops train after its current step (a second Ctrl+C at once).",
  ].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return;
  }
  const command = commands[name];
  if (!command) throw new CliError(`unknown command "${name}"\n${usage()}`);
  const module = await command.load();
  await module.run(args);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message}`);
  process.exit(error instanceof CliError ? error.exitCode : 1);
});
