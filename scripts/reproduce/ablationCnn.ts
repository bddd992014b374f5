// The deconvolution simple-cnn of the protocol with its input layer (conv1) changed by a CNN
// ablation: same layer names, geometry and seeded weights as the app's SimpleCnn.
import type * as tf from '@tensorflow/tfjs-core';
import { DeconvConv2d } from '../../src/nn/deconvConv2d';
import type { ForwardContext, Layer } from '../../src/nn/layer';
import { BaseModel, reluBlock } from '../../src/nn/model';
import { Conv2d, flatten, maxPool2 } from '../../src/nn/plain';
import { convUnit, denseUnit, type ModelSettings } from '../../src/nn/units';
import type { DeconvLayerSettings } from '../../src/nn/whitening';
import type { CnnAblation } from './cnnAblations';

/** conv1's deconvolution settings under an ablation (undefined when conv1 is plain). */
export function cnnInputSettings(ablation: CnnAblation, settings: ModelSettings): DeconvLayerSettings | undefined {
  if (ablation.inputPlain) return undefined;
  return { ...settings.deconv, iters: settings.inputIters, ...ablation.inputChange };
}

export class AblationCnn extends BaseModel {
  protected readonly layers: Layer[];
  protected readonly inputLayer: Layer;
  private readonly convs: Layer[];
  private readonly classifier: Layer;

  constructor(inputShape: [number, number, number], classes: number, ablation: CnnAblation, protocol: ModelSettings, seed: number) {
    super('simple-cnn', 'deconv', inputShape, classes);
    const settings = { ...protocol, deconv: { ...protocol.deconv, ...ablation.hiddenChange } };
    const [h, w, c] = inputShape;
    const conv1 = { name: 'conv1', inChannels: c, outChannels: 16, kernel: 3, padding: 'same' as const };
    const input = cnnInputSettings(ablation, protocol);
    this.convs = [
      input ? new DeconvConv2d({ ...conv1, settings: input, seed }) : new Conv2d({ ...conv1, useBias: true, seed }),
      convUnit('deconv', { name: 'conv2', inChannels: 16, outChannels: 32, kernel: 3, padding: 'same' }, settings, seed),
    ];
    const features = Math.floor(Math.floor(h / 2) / 2) * Math.floor(Math.floor(w / 2) / 2) * 32;
    this.classifier = denseUnit(
      'deconv',
      { name: 'classifier', inFeatures: features, outFeatures: classes, classifier: true },
      settings,
      seed,
    );
    this.inputLayer = this.convs[0];
    this.layers = [...this.convs, this.classifier];
  }

  /** conv1, conv2, classifier (for tests and probes). */
  units(): readonly Layer[] {
    return this.layers;
  }

  protected logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    let h: tf.Tensor = x;
    for (const unit of this.convs) h = maxPool2(reluBlock(unit, h, ctx));
    return this.classifier.forward(flatten(h), ctx) as tf.Tensor2D;
  }
}
