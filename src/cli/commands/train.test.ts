import { describe, expect, it, vi } from 'vitest';
import { CliError } from '../cliError';
import { run } from './train';

describe('train command flags', () => {
  for (const [args, message] of [
    [['--model', 'alexnet'], /--model must be one of mlp, simple-cnn, vgg-mini, resnet-mini/],
    [['--norm', 'deconv,layernorm'], /--norm takes a comma-separated list/],
    [['--norm', 'deconv,deconv'], /lists a variant twice/],
    [['--dataset', 'imagenet'], /--dataset must be mnist, fashion-mnist or cifar10:<path>/],
    [['--dataset', 'cifar10:'], /needs a path/],
    [['--dataset', 'cifar10:/no/such/file.tar.gz'], /cannot read/],
    [['--epochs', '0'], /--epochs must be a whole number from 1 to 1000/],
    [['--lr', '-1'], /--lr must be a number greater than 0/],
    [['--batch', '100000', '--dataset', 'mnist'], /--batch must be a whole number from 1 to 4096/],
    [['--bogus'], /unknown flag --bogus/],
    [['--backend', 'webgl'], /--backend must be one of wasm, cpu, webgpu/],
    [['extra'], /unexpected argument/],
  ] as const) {
    it(`rejects ${args.join(' ')} with a one-line CliError`, async () => {
      const error = await run([...args]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }

  it('--help prints the usage with the backends and the stop behaviour', async () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      await run(['--help']);
    } finally {
      write.mockRestore();
    }
    expect(written.join('')).toMatch(/^usage: train /);
    expect(written.join('')).toContain('--backend wasm|cpu|webgpu (default wasm)');
    expect(written.join('')).toContain('"complete": false');
  });
});
