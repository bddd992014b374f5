// `npm test`: every gate in order (format, lint, types, unit tests, build, browser tests), then one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { countResults } from './count-results.mjs';

const browser = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const gates = [
  ['format', 'npm', ['run', '--silent', 'format:check']],
  ['lint', 'npx', ['eslint', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit tests', 'npx', ['vitest', 'run']],
  ['build', 'npx', ['vite', 'build']],
  ['browser tests', 'npx', ['playwright', 'test']],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

const failedGates = [];
for (const [name, cmd, args] of gates) {
  if (name === 'browser tests' && !existsSync(browser)) {
    console.error(
      `\nNo Chromium found at ${browser}. Browser tests need one:\n` +
        '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
        '  elsewhere: set CHROMIUM_PATH=/path/to/chrome, or run `npx playwright install chromium`.\n',
    );
    failedGates.push(name);
    continue;
  }
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: browser } });
  if (result.status !== 0) failedGates.push(name);
  if (name === 'build' && result.status !== 0) {
    console.error('Build failed: skipping browser tests.');
    failedGates.push('browser tests');
    break;
  }
}

const { passed, failed } = countResults('reports', failedGates);
if (failedGates.length) console.log(`\nFailed gates: ${failedGates.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || failedGates.length > 0 ? 1 : 0);
