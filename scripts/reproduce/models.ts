// The model of a run: the app's own model (createModel) for the protocol, or the deconvolution MLP
// with separate input / hidden settings for an ablation (same layers, names and seeded weights).
import type * as tf from '@tensorflow/tfjs-core';
import { createModel, modelSettingsFrom } from '../../src/nn/createModel';
import { Delinear } from '../../src/nn/delinear';
import type { ForwardContext, Layer } from '../../src/nn/layer';
import { BaseModel, reluBlock, type Model } from '../../src/nn/model';
import { Dense, flatten } from '../../src/nn/plain';
import type { DeconvLayerSettings } from '../../src/nn/whitening';
import { DEFAULT_TRAIN_CONFIG } from '../../src/train/defaults';
import { PAPER_CHANNEL_DECONV } from '../../src/nn/models/paperMlp';
import type { NormKind } from '../../src/train/protocol';
import { ablationNamed, PLAIN } from './ablations';
import { AblationCnn, cnnInputSettings } from './ablationCnn';
import { cnnAblationNamed, isCnnAblation } from './cnnAblations';
import type { ReproModel, RunSpec } from './types';

export interface Plan {
  batchSize: number;
  /** Deconvolution block size B (before the gcd rule). */
  block: number;
}

export const PLANS: Record<ReproModel, Plan> = {
  mlp: { batchSize: 128, block: 64 },
  'simple-cnn': { batchSize: 32, block: 64 },
  // The reference's MLP fixes its own whitening (blocks of 32, eps 0.01, K 5) whatever the settings say.
  'paper-mlp': { batchSize: 128, block: PAPER_CHANNEL_DECONV.block },
  // CIFAR-10 (--cifar <path>): the paper's batch size.
  'vgg-mini': { batchSize: 128, block: 64 },
  'resnet-mini': { batchSize: 128, block: 64 },
};

/** The protocol's deconvolution settings for a model (the paper's defaults, docs/algorithm.md §§2-5; K = 15 for the input layer). */
export function protocolDeconv(model: ReproModel): typeof DEFAULT_TRAIN_CONFIG.deconv {
  return { ...DEFAULT_TRAIN_CONFIG.deconv, block: PLANS[model].block };
}

class AblationMlp extends BaseModel {
  protected readonly layers: Layer[];
  protected readonly inputLayer: Layer;
  private readonly hidden: Layer[];
  private readonly classifier: Layer;

  constructor(
    inputShape: [number, number, number],
    classes: number,
    input: DeconvLayerSettings,
    hidden: DeconvLayerSettings,
    seed: number,
    inputPlain: boolean,
  ) {
    super('mlp', 'deconv', inputShape, classes);
    const features = inputShape[0] * inputShape[1] * inputShape[2];
    this.hidden = [
      inputPlain
        ? new Dense({ name: 'dense1', inFeatures: features, outFeatures: 128, useBias: true, seed })
        : new Delinear({ name: 'dense1', inFeatures: features, outFeatures: 128, settings: input, seed }),
      new Delinear({ name: 'dense2', inFeatures: 128, outFeatures: 128, settings: hidden, seed }),
    ];
    this.classifier = new Delinear({ name: 'classifier', inFeatures: 128, outFeatures: classes, settings: hidden, seed });
    this.inputLayer = this.hidden[0];
    this.layers = [...this.hidden, this.classifier];
  }

  protected logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    let h: tf.Tensor = flatten(x);
    for (const unit of this.hidden) h = reluBlock(unit, h, ctx);
    return this.classifier.forward(h, ctx) as tf.Tensor2D;
  }
}

export interface BuiltModel {
  model: Model;
  inputFromData: boolean;
  weightDecay: number;
  /** Settings of the deconvolution input layer (for the input-whitening probe). */
  inputSettings: DeconvLayerSettings;
}

export function buildModel(spec: RunSpec, norm: NormKind, shape: [number, number, number], classes: number): BuiltModel {
  if (spec.ablation === 'main') {
    const settings = modelSettingsFrom(protocolDeconv(spec.model));
    return {
      model: createModel(spec.model, norm, shape, classes, settings, spec.seed),
      inputFromData: true,
      weightDecay: DEFAULT_TRAIN_CONFIG.weightDecay,
      inputSettings: { ...settings.deconv, iters: settings.inputIters },
    };
  }
  if (spec.ablation === PLAIN) {
    const settings = modelSettingsFrom(protocolDeconv(spec.model));
    return {
      model: createModel(spec.model, 'none', shape, classes, settings, spec.seed),
      inputFromData: false,
      weightDecay: DEFAULT_TRAIN_CONFIG.weightDecay,
      inputSettings: settings.deconv,
    };
  }
  if (isCnnAblation(spec.ablation)) {
    if (spec.model !== 'simple-cnn' || norm !== 'deconv')
      throw new Error(`ablation "${spec.ablation}" is defined for the deconvolution simple-cnn only`);
    const settings = modelSettingsFrom(protocolDeconv(spec.model));
    const a = cnnAblationNamed(spec.ablation);
    const input = cnnInputSettings(a, settings);
    return {
      model: new AblationCnn(shape, classes, a, settings, spec.seed),
      inputFromData: input !== undefined,
      weightDecay: DEFAULT_TRAIN_CONFIG.weightDecay,
      inputSettings: input ?? settings.deconv,
    };
  }
  if (spec.model !== 'mlp' || norm !== 'deconv') throw new Error(`ablation "${spec.ablation}" is defined for the deconvolution MLP only`);
  const a = ablationNamed(spec.ablation);
  return {
    model: new AblationMlp(shape, classes, a.input, a.hidden, spec.seed, a.inputPlain ?? false),
    inputFromData: a.inputFromData,
    weightDecay: a.weightDecay,
    inputSettings: a.input,
  };
}
