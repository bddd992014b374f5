// A small residual net: stem conv 16 | basic block 16 | basic block 32 (stride 2) | basic block 64
// (stride 2) | global average pool | classifier. Projections are 1x1 convs with the same normalisation.
import * as tf from '@tensorflow/tfjs-core';
import type { ForwardContext, Layer } from '../layer';
import { BaseModel, reluBlock } from '../model';
import { globalAveragePool } from '../plain';
import { convUnit, denseUnit, type ModelSettings } from '../units';
import type { NormKind } from '../vocabulary';

interface BasicBlock {
  name: string;
  first: Layer;
  second: Layer;
  projection?: Layer;
}

export class ResnetMini extends BaseModel {
  protected readonly layers: Layer[];
  protected readonly inputLayer: Layer;
  private readonly stem: Layer;
  private readonly blocks: BasicBlock[];
  private readonly classifier: Layer;

  constructor(norm: NormKind, inputShape: [number, number, number], classes: number, settings: ModelSettings, seed: number) {
    super('resnet-mini', norm, inputShape, classes);
    this.stem = convUnit(
      norm,
      { name: 'stem', inChannels: inputShape[2], outChannels: 16, kernel: 3, padding: 'same', isInput: true },
      settings,
      seed,
    );
    const plan: [number, number][] = [
      [16, 1],
      [32, 2],
      [64, 2],
    ];
    let channels = 16;
    this.blocks = plan.map(([out, stride], i) => {
      const name = `block${i + 1}`;
      const block: BasicBlock = {
        name,
        first: convUnit(
          norm,
          { name: `${name}.conv1`, inChannels: channels, outChannels: out, kernel: 3, stride, padding: 'same' },
          settings,
          seed,
        ),
        second: convUnit(norm, { name: `${name}.conv2`, inChannels: out, outChannels: out, kernel: 3, padding: 'same' }, settings, seed),
        projection:
          stride !== 1 || out !== channels
            ? convUnit(
                norm,
                { name: `${name}.proj`, inChannels: channels, outChannels: out, kernel: 1, stride, padding: 'same' },
                settings,
                seed,
              )
            : undefined,
      };
      channels = out;
      return block;
    });
    this.classifier = denseUnit(norm, { name: 'classifier', inFeatures: channels, outFeatures: classes, classifier: true }, settings, seed);
    this.inputLayer = this.stem;
    const blockLayers = this.blocks.flatMap((b) => [b.first, b.second, ...(b.projection ? [b.projection] : [])]);
    this.layers = [this.stem, ...blockLayers, this.classifier];
  }

  protected logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    let h: tf.Tensor = reluBlock(this.stem, x, ctx);
    for (const block of this.blocks) {
      const inner = block.second.forward(reluBlock(block.first, h, ctx), ctx);
      const shortcut = block.projection ? block.projection.forward(h, ctx) : h;
      const pre = tf.add(inner, shortcut);
      const post = tf.relu(pre);
      ctx.record?.(block.name, pre, post);
      h = post;
    }
    return this.classifier.forward(globalAveragePool(h), ctx) as tf.Tensor2D;
  }
}
