// Model factory: every model in every normalisation variant, with deterministic seeded weights.
import type { DeconvSettings, ModelName, NormKind } from '../train/protocol';
import type { Model } from './model';
import { Mlp } from './models/mlp';
import { ResnetMini } from './models/resnetMini';
import { SimpleCnn } from './models/simpleCnn';
import { VggMini } from './models/vggMini';
import type { ModelSettings } from './units';
import { DEFAULT_DECONV_LAYER } from './whitening';

export const MODEL_NAMES: readonly ModelName[] = ['mlp', 'simple-cnn', 'vgg-mini', 'resnet-mini'];

export const DEFAULT_MODEL_SETTINGS: ModelSettings = { deconv: DEFAULT_DECONV_LAYER, inputIters: 15 };

/** Protocol-level deconvolution settings -> layer settings (momentum 0.1 as in the reference). */
export function modelSettingsFrom(d: DeconvSettings): ModelSettings {
  const deconv: ModelSettings['deconv'] = { block: d.block, iters: d.iters, eps: d.eps, samplingStride: d.samplingStride, freezeIters: d.freezeIters, blockMode: d.blockMode, momentum: 0.1 };
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
  switch (name) {
    case 'mlp':
      return new Mlp(norm, inputShape, classes, settings, seed);
    case 'simple-cnn':
      return new SimpleCnn(norm, inputShape, classes, settings, seed);
    case 'vgg-mini':
      return new VggMini(norm, inputShape, classes, settings, seed);
    case 'resnet-mini':
      return new ResnetMini(norm, inputShape, classes, settings, seed);
    default:
      throw new Error(`unknown model "${String(name)}" (expected one of ${MODEL_NAMES.join(', ')})`);
  }
}
