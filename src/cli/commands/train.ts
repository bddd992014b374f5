import { CliError } from '../cliError';

export async function run(_args: string[]): Promise<void> {
  throw new CliError('the train command is not built yet');
}
