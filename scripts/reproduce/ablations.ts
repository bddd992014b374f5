// MLP ablations (deconvolution variant only, one change each against 'base' = the protocol's
// deconvolution MLP): input block, input statistics per batch, K, eps, weight decay; and the cost
// ablations (hidden block size, refresh schedule) that decide the mlp's defaults (issue #13).
import type { DeconvLayerSettings } from '../../src/nn/whitening';
import { DEFAULT_DECONV_LAYER, FREEZE_REFRESH_EVERY } from '../../src/nn/whitening';

export interface Ablation {
  name: string;
  description: string;
  /** Settings of the input Delinear layer (784 features). */
  input: DeconvLayerSettings;
  /** Settings of dense2 and the classifier (128 features). */
  hidden: DeconvLayerSettings;
  /** No deconvolution in the input layer (a plain dense layer with a bias); hidden layers unchanged. */
  inputPlain?: boolean;
  /** Input statistics fixed once from 1,024 training images (true) or per batch like a hidden layer (false). */
  inputFromData: boolean;
  weightDecay: number;
}

const HIDDEN: DeconvLayerSettings = { ...DEFAULT_DECONV_LAYER };
const INPUT: DeconvLayerSettings = { ...DEFAULT_DECONV_LAYER, iters: 15 };
const BASE: Ablation = {
  name: 'base',
  description: 'protocol: input B=gcd(64,784)=16 pooled, K=15, fixed from data; hidden B=64 pooled, K=5; eps 1e-5; wd 1e-3',
  input: INPUT,
  hidden: HIDDEN,
  inputFromData: true,
  weightDecay: 1e-3,
};

export const ABLATIONS: readonly Ablation[] = [
  BASE,
  {
    ...BASE,
    name: 'input-per-block',
    description: 'input: 49 blocks of 16 pixels, a D per block',
    input: { ...INPUT, blockMode: 'per-block' },
  },
  { ...BASE, name: 'input-whole', description: 'input: one 784 x 784 D (whole image)', input: { ...INPUT, block: 784 } },
  { ...BASE, name: 'input-per-batch', description: 'input statistics from each batch (running D at test time)', inputFromData: false },
  { ...BASE, name: 'input-k5', description: 'input layer K=5 (instead of 15)', input: { ...INPUT, iters: 5 } },
  { ...BASE, name: 'input-eps-1e-2', description: 'input layer eps 1e-2 (hidden layers keep 1e-5)', input: { ...INPUT, eps: 1e-2 } },
  {
    ...BASE,
    name: 'input-plain',
    description: 'no deconvolution of the input (plain dense input layer with bias); hidden layers deconvolved',
    inputPlain: true,
    inputFromData: false,
  },
  {
    ...BASE,
    name: 'hidden-whole',
    description: "hidden layers: one 128 x 128 D (block 512 as the reference's Delinear default) instead of two pooled 64-feature chunks",
    hidden: { ...HIDDEN, block: 512 },
  },
  { ...BASE, name: 'hidden-k15', description: 'hidden layers K=15 (instead of 5)', hidden: { ...HIDDEN, iters: 15 } },
  {
    ...BASE,
    name: 'eps-1e-3',
    description: 'eps 1e-3 in every layer (instead of 1e-5)',
    input: { ...INPUT, eps: 1e-3 },
    hidden: { ...HIDDEN, eps: 1e-3 },
  },
  { ...BASE, name: 'eps-1e-2', description: 'eps 1e-2 in every layer', input: { ...INPUT, eps: 1e-2 }, hidden: { ...HIDDEN, eps: 1e-2 } },
  { ...BASE, name: 'wd-0', description: 'no weight decay (instead of 1e-3)', weightDecay: 0 },
  ...[16, 32].map((block) => ({
    ...BASE,
    name: `hidden-b${block}`,
    description: `hidden layers and classifier: block ${block} (${128 / block} pooled chunks of the 128 features) instead of 64; the input keeps gcd(${block},784)=16`,
    hidden: { ...HIDDEN, block },
  })),
  ...[10, 20].map((after) => ({
    ...BASE,
    name: `freeze-${after}`,
    description: `statistics frozen after step ${after} (running mean / D, refreshed every ${FREEZE_REFRESH_EVERY}th step) instead of every step`,
    hidden: { ...HIDDEN, freezeIters: after },
  })),
];

/** Ablations that price a cheaper default (block, refresh schedule): run on both datasets, reported in their own table. */
export const COST_ABLATIONS: readonly string[] = ['hidden-b16', 'hidden-b32', 'freeze-10', 'freeze-20'];

/** A control, not an ablation: the plain MLP (no normalisation, biases), same init, batches and lr grid. */
export const PLAIN = 'plain';

/** The variant an ablation run trains. */
export const ablationNorm = (name: string): 'deconv' | 'none' => (name === PLAIN ? 'none' : 'deconv');

export function ablationNamed(name: string): Ablation {
  if (name === PLAIN)
    return { ...BASE, name: PLAIN, description: 'control: no normalisation at all (plain dense layers with biases), wd 1e-3' };
  const found = ABLATIONS.find((a) => a.name === name);
  if (!found) throw new Error(`unknown ablation "${name}" (expected ${[...ABLATIONS.map((a) => a.name), PLAIN].join(', ')})`);
  return found;
}
