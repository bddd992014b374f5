// Every setting of the whitening view, declared once: default, range, address key, CLI flag, label.
// The whitening hash, the view's defaults and the `whiten` command's limits derive from it.
import { defaultsOf, type SettingsTable } from './settingsTable';
import { WHITEN_LIMITS, type WhitenOptions } from './whitenInput';

/** 'direct': the float64 reference maths; 'backend': the tfjs backend's kernels. */
export const WHITEN_ENGINES = ['direct', 'backend'] as const;

export type WhitenViewSettings = WhitenOptions & { engine: (typeof WHITEN_ENGINES)[number] };

export const WHITENING_SETTINGS: SettingsTable<WhitenViewSettings> = {
  kernel: {
    kind: 'int',
    odd: true,
    default: 3,
    min: 1,
    max: WHITEN_LIMITS.maxKernel,
    label: 'kernel size k',
    urlKey: 'k',
    cliFlag: 'kernel',
  },
  eps: { kind: 'float', default: 1e-5, min: 1e-8, max: 1e-1, label: 'eps', help: 'added to the covariance diagonal', cliFlag: 'eps' },
  iters: {
    kind: 'int',
    default: 15,
    min: 1,
    max: WHITEN_LIMITS.maxIters,
    label: 'iterations K',
    urlKey: 'K',
    oldUrlKeys: ['iters'],
    cliFlag: 'iters',
  },
  samplingStride: {
    kind: 'int',
    default: 3,
    min: 1,
    max: 8,
    label: 'sampling stride',
    help: 'statistics from every S-th patch',
    urlKey: 'stride',
    cliFlag: 'stride',
  },
  grey: { kind: 'bool', default: true, label: 'greyscale', cliFlag: 'grey' },
  engine: { kind: 'enum', default: 'direct', options: WHITEN_ENGINES, label: 'engine' },
};

export function defaultWhitenSettings(): WhitenViewSettings {
  return defaultsOf(WHITENING_SETTINGS);
}
