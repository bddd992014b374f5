// A small VGG: 16 | pool | 32, 32 | pool | 64, 64 | pool | global average pool | classifier.
import type * as tf from '@tensorflow/tfjs-core';
import type { ForwardContext, Layer } from '../layer';
import { BaseModel, reluBlock } from '../model';
import { globalAveragePool, maxPool2 } from '../plain';
import { convUnit, denseUnit, type ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';

/** Channel counts; 'pool' is a 2x2 max-pool. */
const PLAN: (number | 'pool')[] = [16, 'pool', 32, 32, 'pool', 64, 64, 'pool'];

export class VggMini extends BaseModel {
  protected readonly layers: Layer[];
  protected readonly inputLayer: Layer;
  private readonly stages: (Layer | 'pool')[];
  private readonly classifier: Layer;

  constructor(norm: NormKind, inputShape: [number, number, number], classes: number, settings: ModelSettings, seed: number) {
    super('vgg-mini', norm, inputShape, classes);
    let channels = inputShape[2];
    let index = 0;
    this.stages = PLAN.map((entry) => {
      if (entry === 'pool') return 'pool';
      index += 1;
      const unit = convUnit(
        norm,
        { name: `conv${index}`, inChannels: channels, outChannels: entry, kernel: 3, padding: 'same', isInput: index === 1 },
        settings,
        seed,
      );
      channels = entry;
      return unit;
    });
    this.classifier = denseUnit(norm, { name: 'classifier', inFeatures: channels, outFeatures: classes, classifier: true }, settings, seed);
    const convs = this.stages.filter((s): s is Layer => s !== 'pool');
    this.inputLayer = convs[0];
    this.layers = [...convs, this.classifier];
  }

  protected logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    let h: tf.Tensor = x;
    for (const stage of this.stages) h = stage === 'pool' ? maxPool2(h) : reluBlock(stage, h, ctx);
    return this.classifier.forward(globalAveragePool(h), ctx) as tf.Tensor2D;
  }
}
