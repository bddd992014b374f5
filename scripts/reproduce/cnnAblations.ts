// simple-cnn ablations (deconvolution variant only): one change each to the input layer (conv1) of
// the protocol's deconvolution simple-cnn, conv2 and the classifier left as they are; or one change
// to conv2 and the classifier (the refresh schedule: conv1's statistics are fixed from data anyway).
import { FREEZE_REFRESH_EVERY, type DeconvLayerSettings } from '../../src/nn/whitening';

export interface CnnAblation {
  name: string;
  description: string;
  /** conv1 as a plain conv with a bias (no deconvolution of the input). */
  inputPlain?: boolean;
  /** Changes to conv1's deconvolution settings (on top of the protocol's input-layer settings). */
  inputChange?: Partial<DeconvLayerSettings>;
  /** Changes to the deconvolution settings of conv2 and the classifier. */
  hiddenChange?: Partial<DeconvLayerSettings>;
}

export const CNN_ABLATIONS: readonly CnnAblation[] = [
  {
    name: 'cnn-input-plain',
    description: 'conv1 a plain conv with bias (no deconvolution of the input); conv2 and classifier deconvolved',
    inputPlain: true,
  },
  { name: 'cnn-input-k5', description: 'conv1 K=5 (instead of 15)', inputChange: { iters: 5 } },
  { name: 'cnn-input-eps-1e-2', description: 'conv1 eps 1e-2 (other layers keep 1e-5)', inputChange: { eps: 1e-2 } },
  ...[20, 50].map((after) => ({
    name: `cnn-freeze-${after}`,
    description: `statistics frozen after step ${after} (running mean / D, refreshed every ${FREEZE_REFRESH_EVERY}th step) instead of every step`,
    hiddenChange: { freezeIters: after },
  })),
];

/** CNN ablations that price a cheaper default (the refresh schedule): reported with the MLP's cost ablations. */
export const COST_CNN_ABLATIONS: readonly string[] = ['cnn-freeze-20', 'cnn-freeze-50'];

export const isCnnAblation = (name: string): boolean => CNN_ABLATIONS.some((a) => a.name === name);

export function cnnAblationNamed(name: string): CnnAblation {
  const found = CNN_ABLATIONS.find((a) => a.name === name);
  if (!found) throw new Error(`unknown CNN ablation "${name}" (expected ${CNN_ABLATIONS.map((a) => a.name).join(', ')})`);
  return found;
}
