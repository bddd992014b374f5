// The lecture tour (`#/tour?step=N`): a pure table of steps and the parser of the step number.
// Each step names the view it drives, what that view should show, the panel to enlarge, one
// sentence saying what the panel shows, and the next thing the lecturer does.
import type { PanelFocus } from './presets';

/** Panels of the whitening view the tour can enlarge. */
export type WhiteningFocus = 'original' | 'whitened' | 'kernels';

export interface WhiteningStage {
  view: 'whitening';
  sample: string;
  kernel: number;
  iters: number;
  focus: WhiteningFocus;
  /** The statistics panel shown beside the focus, if any. */
  stats?: 'spectrum' | 'histograms';
}

export interface TrainingStage {
  view: 'training';
  preset: string;
  focus: PanelFocus;
}

export interface TourStep {
  title: string;
  /** One sentence: what the enlarged panel shows. */
  text: string;
  /** What the lecturer does next. */
  action: string;
  stage: WhiteningStage | TrainingStage;
}

const PHOTO = 'chelsea.png';

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'A photo and its correlations',
    text: 'Neighbouring pixels of a photo are strongly correlated: the eigenvalues of the covariance of its 3×3 patches (grey curve) span several decades.',
    action: 'Press → to whiten the photo.',
    stage: { view: 'whitening', sample: PHOTO, kernel: 3, iters: 15, focus: 'original', stats: 'spectrum' },
  },
  {
    title: 'Whitening, one iteration',
    text: 'With K = 1 Newton–Schulz iteration the whitening is barely begun: the output is still a centred copy of the photo.',
    action: 'Drag K towards 15, or press ▶ play beside it.',
    stage: { view: 'whitening', sample: PHOTO, kernel: 3, iters: 1, focus: 'whitened' },
  },
  {
    title: 'Whitening, fifteen iterations',
    text: 'At K = 15 smooth areas vanish and edges stay: neighbouring pixels no longer correlate, and the histogram of whitened values is heavy-tailed (higher kurtosis).',
    action: 'Drag K back and forth between 1 and 15.',
    stage: { view: 'whitening', sample: PHOTO, kernel: 3, iters: 15, focus: 'whitened', stats: 'histograms' },
  },
  {
    title: 'The centre–surround kernel',
    text: 'Each deconvolution kernel is a positive centre with a negative ring: a centre–surround filter, like the retinal ganglion cells of the eye.',
    action: 'Press → to train two networks.',
    stage: { view: 'whitening', sample: PHOTO, kernel: 3, iters: 15, focus: 'kernels' },
  },
  {
    title: 'The race',
    text: 'The same network trains twice on the same batches from the same initial weights, once with deconvolution (teal) and once with batch norm (orange): watch which curve falls first.',
    action: 'Press Play.',
    stage: { view: 'training', preset: 'one-epoch', focus: 'curves' },
  },
  {
    title: 'The learned kernels',
    text: 'The first-layer kernels: for deconvolution the deconvolution kernels D, the learned filters W and the effective filters W·D; for batch norm the filters W, which see the raw, correlated pixels.',
    action: 'Click a kernel grid to enlarge it.',
    stage: { view: 'training', preset: 'one-epoch', focus: 'kernels' },
  },
  {
    title: 'Sparse activations',
    text: 'Activation histograms of each variant on a fixed probe batch: heavier tails and a higher kurtosis mean sparser activations.',
    action: 'Pick a layer and compare the kurtosis of the two variants.',
    stage: { view: 'training', preset: 'one-epoch', focus: 'sparsity' },
  },
];

export const TOUR_LENGTH = TOUR_STEPS.length;

/** The step (1-based) named by `#/tour?step=N`; anything missing or unreadable gives step 1. */
export function parseTourStep(hash: string): number {
  const match = /^#\/tour(?:\?(.*))?$/.exec(hash);
  const raw = match?.[1] ? new URLSearchParams(match[1]).get('step') : null;
  if (raw === null || !/^\d{1,3}$/.test(raw.trim())) return 1;
  const step = Number(raw.trim());
  return step >= 1 && step <= TOUR_LENGTH ? step : 1;
}

export function tourHash(step: number): string {
  return `#/tour?step=${clampStep(step)}`;
}

/** `step` kept within 1..TOUR_LENGTH (whole numbers only). */
export function clampStep(step: number): number {
  if (!Number.isFinite(step)) return 1;
  return Math.min(TOUR_LENGTH, Math.max(1, Math.round(step)));
}

export function tourStep(step: number): TourStep {
  return TOUR_STEPS[clampStep(step) - 1];
}
