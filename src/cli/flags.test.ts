import { describe, expect, it } from 'vitest';
import { CliError } from './cliError';
import { booleanFlag, choiceFlag, numberFlag, parseFlags, stringFlag } from './flags';
import { BACKEND_USAGE, DEFAULT_NODE_BACKEND, NODE_BACKENDS } from './nodeBackendNames';

const spec = { kernel: 'number', eps: 'number', out: 'string', grey: 'boolean', backend: 'string' } as const;

describe('parseFlags', () => {
  it('reads --name value, --name=value, booleans, positionals and --', () => {
    const p = parseFlags(['img.png', '--kernel', '5', '--eps=1e-5', '--grey', '--out', 'w.png', '--', '--not-a-flag'], spec);
    expect(p.positional).toEqual(['img.png', '--not-a-flag']);
    expect(numberFlag(p, 'kernel', { fallback: 3 })).toBe(5);
    expect(numberFlag(p, 'eps', { fallback: 1 })).toBe(1e-5);
    expect(booleanFlag(p, 'grey')).toBe(true);
    expect(stringFlag(p, 'out')).toBe('w.png');
    expect(numberFlag(parseFlags([], spec), 'kernel', { fallback: 3 })).toBe(3);
    // A negative number is a value, not a flag.
    expect(numberFlag(parseFlags(['--eps', '-1'], spec), 'eps', { fallback: 1 })).toBe(-1);
  });

  it('rejects unknown flags, missing values, repeats, values on booleans, single-dash options', () => {
    expect(() => parseFlags(['--kernal', '3'], spec)).toThrow(/unknown flag --kernal \(known: --kernel/);
    expect(() => parseFlags(['--kernel'], spec)).toThrow(/--kernel needs a value/);
    expect(() => parseFlags(['--kernel='], spec)).toThrow(/needs a value/);
    expect(() => parseFlags(['--kernel', '3', '--kernel', '5'], spec)).toThrow(/given twice/);
    expect(() => parseFlags(['--grey=yes'], spec)).toThrow(/takes no value/);
    expect(() => parseFlags(['-k', '3'], spec)).toThrow(/unknown option -k/);
    expect(() => parseFlags(['--nope'], spec)).toThrow(CliError);
  });

  it('checks number rules with a message naming the rule', () => {
    const p = (v: string) => parseFlags(['--kernel', v], spec);
    const rule = { fallback: 3, odd: true, min: 1, max: 9 };
    expect(() => numberFlag(p('4'), 'kernel', rule)).toThrow('--kernel must be an odd whole number from 1 to 9, got "4"');
    expect(() => numberFlag(p('11'), 'kernel', rule)).toThrow(/from 1 to 9/);
    expect(() => numberFlag(p('abc'), 'kernel', rule)).toThrow(/got "abc"/);
    expect(() => numberFlag(p('2.5'), 'kernel', { fallback: 1, integer: true })).toThrow('--kernel must be a whole number, got "2.5"');
    expect(() => numberFlag(p('0'), 'kernel', { fallback: 1, above: 0 })).toThrow('--kernel must be a number greater than 0, got "0"');
    expect(numberFlag(p('7'), 'kernel', rule)).toBe(7);
  });

  it('checks choices', () => {
    expect(choiceFlag(parseFlags([], spec), 'backend', ['cpu', 'webgpu'], 'cpu')).toBe('cpu');
    expect(choiceFlag(parseFlags(['--backend', 'webgpu'], spec), 'backend', ['cpu', 'webgpu'], 'cpu')).toBe('webgpu');
    expect(() => choiceFlag(parseFlags(['--backend', 'gpu'], spec), 'backend', ['cpu', 'webgpu'], 'cpu')).toThrow(
      '--backend must be one of cpu, webgpu, got "gpu"',
    );
  });

  it('--backend: wasm by default, cpu and webgpu on request, usage text from the same list', () => {
    expect(choiceFlag(parseFlags([], spec), 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND)).toBe('wasm');
    expect(choiceFlag(parseFlags(['--backend', 'cpu'], spec), 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND)).toBe('cpu');
    expect(() => choiceFlag(parseFlags(['--backend', 'webgl'], spec), 'backend', NODE_BACKENDS, DEFAULT_NODE_BACKEND)).toThrow(
      '--backend must be one of wasm, cpu, webgpu, got "webgl"',
    );
    expect(BACKEND_USAGE).toBe('--backend wasm|cpu|webgpu (default wasm)');
  });
});
