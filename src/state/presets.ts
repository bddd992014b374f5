// One-click starting points. Training presets set TrainingParams; whitening presets are links
// into the whitening view (owned by the shell), identified by its hash parameters.
import { sameValue } from '../core/settingsTable';
import { defaultParams, type TrainingParams } from './urlHashSchema';

export type PanelFocus = 'curves' | 'kernels' | 'sparsity';

export interface TrainingPreset {
  kind: 'training';
  id: string;
  title: string;
  /** One sentence: what the audience should see. */
  lesson: string;
  params: Partial<TrainingParams>;
  /** Why the variants train at different learning rates (shown beside them), when the preset sets `lrByNorm`. */
  reason?: string;
  focus: PanelFocus;
}

export interface LinkPreset {
  kind: 'link';
  id: string;
  title: string;
  lesson: string;
  href: string;
}

export type Preset = TrainingPreset | LinkPreset;

/** Settings the reproduction protocol found for simple-cnn (docs/reproduction.md): each variant's own best lr
 * on a validation split, the protocol's batch and the paper's deconvolution defaults. */
const PROTOCOL_CNN: Partial<TrainingParams> = {
  model: 'simple-cnn',
  optimizer: 'sgd',
  lr: 0.01,
  momentum: 0.9,
  weightDecay: 1e-3,
  schedule: 'cosine',
  batch: 32,
  epochs: 1,
  iters: 5,
  inputIters: 15,
  eps: 1e-5,
  stride: 3,
  freeze: 0,
};

export const PRESETS: readonly Preset[] = [
  {
    kind: 'training',
    id: 'one-epoch',
    title: 'One epoch: deconvolution vs batch norm',
    lesson:
      'Same data, same start, each at its best learning rate (0.01): watch the first hundred steps, where deconvolution’s loss falls faster; by the end of the epoch both reach about 84.5 % test accuracy.',
    params: { ...PROTOCOL_CNN, dataset: 'fashion-mnist', norms: ['deconv', 'batchnorm'] },
    focus: 'curves',
  },
  {
    kind: 'training',
    id: 'own-learning-rates',
    title: 'MNIST: each at its own learning rate',
    lesson:
      'Deconvolution at 0.03, batch norm at 0.01 (each picked on a validation split): deconvolution leads for the first fifty steps or so, then batch norm catches up and ends slightly ahead (about 95.8 vs 95.1 % over five seeds).',
    params: { ...PROTOCOL_CNN, dataset: 'mnist', norms: ['deconv', 'batchnorm'], lrByNorm: { deconv: 0.03, batchnorm: 0.01 } },
    reason: 'each variant’s best learning rate on a validation split (docs/reproduction.md)',
    focus: 'curves',
  },
  {
    kind: 'training',
    id: 'sparse-activations',
    title: 'Sparse activations',
    lesson:
      'Deconvolved layers give heavy-tailed, sparse activations: before the ReLU, conv1’s kurtosis is about twice batch norm’s, with more than twice as many values near zero, from the first steps to the end of the epoch (grey: no normalisation, for reference).',
    params: { ...PROTOCOL_CNN, dataset: 'fashion-mnist', norms: ['deconv', 'batchnorm', 'none'] },
    focus: 'sparsity',
  },
  {
    kind: 'training',
    id: 'frozen-statistics',
    title: 'Fast deconvolution: frozen statistics',
    lesson:
      'After 100 steps the deconvolution layers reuse their running statistics, refreshed every 10th step: watch the ms/step read-out drop to about batch norm’s.',
    params: { ...PROTOCOL_CNN, dataset: 'fashion-mnist', norms: ['deconv', 'batchnorm'], freeze: 100 },
    focus: 'curves',
  },
  {
    kind: 'link',
    id: 'centre-surround',
    title: 'Centre–surround in one click',
    lesson: 'Whitening a photo: each deconvolution kernel is a positive centre with a negative ring.',
    href: '#/whitening?sample=chelsea.png&k=3&K=15',
  },
  {
    kind: 'link',
    id: 'partial-whitening',
    title: 'Partial whitening: 1 to 15 iterations',
    lesson:
      'Drag the iterations K from 1 to 15: at K = 1 the output is still a centred copy of the photo; by K = 15 it is a sparse edge map.',
    href: '#/whitening?sample=chelsea.png&k=3&K=1',
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The settings a training preset runs with: the defaults, then `keep` (settings the preset leaves as they are), then its own. */
export function presetParams(preset: TrainingPreset, keep: Partial<TrainingParams> = {}): TrainingParams {
  return { ...defaultParams(), ...keep, ...preset.params };
}

/** The training preset whose settings all match `params`, if any (for the preset picker). */
export function matchingPreset(params: TrainingParams): TrainingPreset | undefined {
  return PRESETS.find((preset): preset is TrainingPreset => {
    if (preset.kind !== 'training') return false;
    // A preset without rates of its own trains every variant at the shared lr.
    const wanted: Partial<TrainingParams> = { lrByNorm: {}, ...preset.params };
    return (Object.keys(wanted) as (keyof TrainingParams)[]).every((key) => sameValue(wanted[key], params[key]));
  });
}
