// The learning rate each trained variant uses (its own, or the shared one) as text for the settings
// and the read-outs, and the sentence saying why they differ.
import type { TrainingParams } from '../../../state/urlHashSchema';
import { learningRatesOf } from '../../../train/trainingSettings';

const SHORT = { deconv: 'deconv', batchnorm: 'BN', none: 'none' } as const;

/** "lr: deconv 0.03, BN 0.05": every trained variant's rate, in the order trained. */
export function learningRatesText(params: Pick<TrainingParams, 'norms' | 'lr' | 'lrByNorm'>): string {
  const rates = learningRatesOf(params);
  return `lr: ${params.norms.map((norm) => `${SHORT[norm]} ${rates[norm]}`).join(', ')}`;
}

/** Whether some trained variant has a rate of its own that differs from the shared one. */
export function hasOwnLearningRates(params: Pick<TrainingParams, 'norms' | 'lr' | 'lrByNorm'>): boolean {
  return params.norms.some((norm) => params.lrByNorm[norm] !== undefined && params.lrByNorm[norm] !== params.lr);
}

/** Why the rates differ: the preset's reason, else that they were set by hand; nothing when they are one. */
export function learningRateReason(
  params: Pick<TrainingParams, 'norms' | 'lr' | 'lrByNorm'>,
  presetReason: string | undefined,
): string | undefined {
  if (!hasOwnLearningRates(params)) return undefined;
  return presetReason ?? 'Each variant at a learning rate set by hand: compare with care, the variants no longer share every setting.';
}
