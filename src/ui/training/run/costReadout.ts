// "deconv 14.2 ms, BN 11.0 ms (x1.29) on WebGPU": the cost read-out as plain text.
import type { BackendInfo } from '../../../platform/backend';
import { backendDisplayName } from '../../../platform/backendName';
import type { VariantHistory } from '../../../state/trainingRun';

const SHORT = { deconv: 'deconv', batchnorm: 'BN', none: 'none' } as const;

export function costText(
  variants: readonly Pick<VariantHistory, 'norm' | 'msPerStep'>[],
  backend?: Pick<BackendInfo, 'name' | 'fallbackAdapter'>,
): string {
  const timed = variants.filter((v) => v.msPerStep > 0 && Number.isFinite(v.msPerStep));
  if (timed.length === 0) return 'measured after the first steps';
  const parts = timed.map((v) => `${SHORT[v.norm]} ${v.msPerStep.toFixed(1)} ms`);
  const deconv = timed.find((v) => v.norm === 'deconv');
  const reference = timed.find((v) => v.norm === 'batchnorm') ?? timed.find((v) => v.norm === 'none');
  const ratio = deconv && reference ? ` (x${(deconv.msPerStep / reference.msPerStep).toFixed(2)})` : '';
  const where = backend ? ` on ${backendDisplayName(backend.name)}${backend.fallbackAdapter ? ' (software adapter)' : ''}` : '';
  return `${parts.join(', ')}${ratio}${where}`;
}

/** The whole read-out, its label said once: "ms/step: deconv 14.2 ms, …". */
export function costReadoutLine(
  variants: readonly Pick<VariantHistory, 'norm' | 'msPerStep'>[],
  backend?: Pick<BackendInfo, 'name' | 'fallbackAdapter'>,
): string {
  return `ms/step: ${costText(variants, backend)}`;
}

export function stepText(step: number, totalSteps: number, stepsPerEpoch: number): string {
  if (stepsPerEpoch <= 0) return `step ${step}`;
  return `step ${step} / ${totalSteps} · epoch ${(step / stepsPerEpoch).toFixed(2)}`;
}
