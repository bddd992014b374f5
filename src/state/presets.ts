// One-click starting points. Training presets set TrainingParams; whitening presets are links
// into the whitening view (owned by the shell), identified by its hash parameters.
import { sameValue } from '../core/settingsTable';
import type { TrainingParams } from './urlHashSchema';

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

export const PRESETS: readonly Preset[] = [
  {
    kind: 'training',
    id: 'one-epoch',
    title: 'One epoch: deconvolution vs batch norm',
    lesson: 'Same data, same start, one epoch: watch which curve falls first — deconvolution’s loss falls faster in the first steps, batch norm’s may spike at this learning rate, and by the end of the epoch the two are close.',
    params: {
      dataset: 'fashion-mnist',
      model: 'simple-cnn',
      norms: ['deconv', 'batchnorm'],
      optimizer: 'sgd',
      lr: 0.05,
      momentum: 0.9,
      schedule: 'cosine',
      batch: 64,
      epochs: 1,
      iters: 5,
      inputIters: 15,
      eps: 1e-5,
      stride: 3,
      freeze: 0,
    },
    focus: 'curves',
  },
  {
    kind: 'training',
    id: 'sparse-activations',
    title: 'Sparse activations',
    lesson: 'Deconvolved layers give heavy-tailed, sparse activations: higher kurtosis, more values near zero.',
    params: {
      dataset: 'mnist',
      model: 'simple-cnn',
      norms: ['deconv', 'batchnorm', 'none'],
      optimizer: 'sgd',
      lr: 0.05,
      batch: 64,
      epochs: 1,
    },
    focus: 'sparsity',
  },
  {
    kind: 'training',
    id: 'frozen-statistics',
    title: 'Fast deconvolution: frozen statistics',
    lesson: 'After 100 steps the deconvolution layers reuse their running statistics, refreshed every 10th step: a step then costs about as much as batch norm.',
    params: {
      dataset: 'fashion-mnist',
      model: 'simple-cnn',
      norms: ['deconv', 'batchnorm'],
      optimizer: 'sgd',
      lr: 0.05,
      momentum: 0.9,
      schedule: 'cosine',
      batch: 64,
      epochs: 1,
      freeze: 100,
    },
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
    lesson: 'Drag the iterations K from 1 to 15: at K = 1 the output is still a centred copy of the photo; by K = 15 it is a sparse edge map.',
    href: '#/whitening?sample=chelsea.png&k=3&K=1',
  },
];

export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
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
