// Two conv blocks (16, 32 channels, 3x3, ReLU, 2x2 max-pool) and a linear classifier.
import type * as tf from '@tensorflow/tfjs-core';
import type { ForwardContext, Layer } from '../layer';
import { BaseModel, reluBlock } from '../model';
import { flatten, maxPool2 } from '../plain';
import { convUnit, denseUnit, type ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';

export class SimpleCnn extends BaseModel {
  protected readonly layers: Layer[];
  protected readonly inputLayer: Layer;
  private readonly convs: Layer[];
  private readonly classifier: Layer;

  constructor(norm: NormKind, inputShape: [number, number, number], classes: number, settings: ModelSettings, seed: number) {
    super('simple-cnn', norm, inputShape, classes);
    const [h, w, c] = inputShape;
    this.convs = [
      convUnit(norm, { name: 'conv1', inChannels: c, outChannels: 16, kernel: 3, padding: 'same', isInput: true }, settings, seed),
      convUnit(norm, { name: 'conv2', inChannels: 16, outChannels: 32, kernel: 3, padding: 'same' }, settings, seed),
    ];
    const features = Math.floor(Math.floor(h / 2) / 2) * Math.floor(Math.floor(w / 2) / 2) * 32;
    this.classifier = denseUnit(norm, { name: 'classifier', inFeatures: features, outFeatures: classes, classifier: true }, settings, seed);
    this.inputLayer = this.convs[0];
    this.layers = [...this.convs, this.classifier];
  }

  protected logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    let h: tf.Tensor = x;
    for (const unit of this.convs) h = maxPool2(reluBlock(unit, h, ctx));
    return this.classifier.forward(flatten(h), ctx) as tf.Tensor2D;
  }
}
