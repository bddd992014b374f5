// How each model of the catalogue (./catalog.ts) is built. Keyed by the catalogue's names: adding a
// model is one model file, one catalogue entry, one line here and a test beside the model; a name
// missing here (or one the catalogue does not know) fails to compile.
import type { Model } from '../model';
import type { ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';
import type { ModelName } from './catalog';
import { Mlp } from './mlp';
import { PaperMlp } from './paperMlp';
import { ResnetMini } from './resnetMini';
import { SimpleCnn } from './simpleCnn';
import { VggMini } from './vggMini';

export type ModelBuilder = (
  norm: NormKind,
  inputShape: [number, number, number],
  classes: number,
  settings: ModelSettings,
  seed: number,
) => Model;

export const MODEL_BUILDERS = {
  mlp: (norm, shape, classes, settings, seed) => new Mlp(norm, shape, classes, settings, seed),
  'simple-cnn': (norm, shape, classes, settings, seed) => new SimpleCnn(norm, shape, classes, settings, seed),
  'vgg-mini': (norm, shape, classes, settings, seed) => new VggMini(norm, shape, classes, settings, seed),
  'resnet-mini': (norm, shape, classes, settings, seed) => new ResnetMini(norm, shape, classes, settings, seed),
  'paper-mlp': (norm, shape, classes, settings, seed) => new PaperMlp(norm, shape, classes, settings, seed),
} satisfies Record<ModelName, ModelBuilder>;
