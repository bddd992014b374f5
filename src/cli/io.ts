// Standard streams as a parameter, so commands can be tested without spawning a process.

export interface CliIo {
  readStdin(): Promise<string>;
  /** Writes to stdout. */
  write(text: string): void;
  /** Writes to stderr (notices that are not the command's output). */
  note(text: string): void;
}

export const processIo: CliIo = {
  async readStdin() {
    if (process.stdin.isTTY) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  write(text) {
    process.stdout.write(text);
  },
  note(text) {
    process.stderr.write(text);
  },
};
