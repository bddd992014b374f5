// flatten -> 128 -> 128 -> classes with ReLU, deconvolution folded into every dense layer (Delinear).
// The shape of the paper's MNIST MLP; the reference's own version (sigmoid, ChannelDeconv) is paperMlp.ts.
// Works on any image size.
import type * as tf from '@tensorflow/tfjs-core';
import type { ForwardContext, Layer } from '../layer';
import { BaseModel, reluBlock } from '../model';
import { flatten } from '../plain';
import { denseUnit, type ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';

export class Mlp extends BaseModel {
  protected readonly layers: Layer[];
  protected readonly inputLayer: Layer;
  private readonly hidden: Layer[];
  private readonly classifier: Layer;

  constructor(norm: NormKind, inputShape: [number, number, number], classes: number, settings: ModelSettings, seed: number) {
    super('mlp', norm, inputShape, classes);
    const features = inputShape[0] * inputShape[1] * inputShape[2];
    this.hidden = [
      denseUnit(norm, { name: 'dense1', inFeatures: features, outFeatures: 128, isInput: true }, settings, seed),
      denseUnit(norm, { name: 'dense2', inFeatures: 128, outFeatures: 128 }, settings, seed),
    ];
    this.classifier = denseUnit(norm, { name: 'classifier', inFeatures: 128, outFeatures: classes, classifier: true }, settings, seed);
    this.inputLayer = this.hidden[0];
    this.layers = [...this.hidden, this.classifier];
  }

  protected logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    let h: tf.Tensor = flatten(x);
    for (const unit of this.hidden) h = reluBlock(unit, h, ctx);
    return this.classifier.forward(h, ctx) as tf.Tensor2D;
  }
}
