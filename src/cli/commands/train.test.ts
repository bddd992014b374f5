import { describe, expect, it } from 'vitest';
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
    [['extra'], /unexpected argument/],
  ] as const) {
    it(`rejects ${args.join(' ')} with a one-line CliError`, async () => {
      const error = await run([...args]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    });
  }
});
