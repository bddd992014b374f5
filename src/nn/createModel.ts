// Model factory: every model of the catalogue in every normalisation variant, with deterministic seeded weights.
import type { Model } from './model';
import { isModelName, MODEL_NAMES, type ModelName } from './models/catalog';
import { MODEL_BUILDERS } from './models/registry';
import type { ModelSettings } from './units';
import type { DeconvSettings, NormKind } from './vocabulary';
import { DEFAULT_DECONV_LAYER } from './whitening';

export { MODEL_NAMES };

export const DEFAULT_MODEL_SETTINGS: ModelSettings = { deconv: DEFAULT_DECONV_LAYER, inputIters: 15 };

/** Protocol-level deconvolution settings -> layer settings (momentum 0.1 as in the reference). */
export function modelSettingsFrom(d: DeconvSettings): ModelSettings {
  const deconv: ModelSettings['deconv'] = {
    block: d.block,
    iters: d.iters,
    eps: d.eps,
    samplingStride: d.samplingStride,
    freezeIters: d.freezeIters,
    blockMode: d.blockMode,
    momentum: 0.1,
  };
  if (d.isqrtGradient) deconv.isqrtGradient = d.isqrtGradient;
  return { deconv, inputIters: d.inputIters };
}

export function createModel(
  name: ModelName,
  norm: NormKind,
  inputShape: [number, number, number],
  classes: number,
  settings: ModelSettings = DEFAULT_MODEL_SETTINGS,
  seed = 1,
): Model {
  if (!isModelName(name)) throw new Error(`unknown model "${String(name)}" (expected one of ${MODEL_NAMES.join(', ')})`);
  return MODEL_BUILDERS[name](norm, inputShape, classes, settings, seed);
}
