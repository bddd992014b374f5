// What every model exposes to the trainer, and the shared plumbing (variables, probes, kernels).
import * as tf from '@tensorflow/tfjs-core';
import { DeconvConv2d } from './deconvConv2d';
import { Delinear } from './delinear';
import { countParams, type ForwardContext, type Layer } from './layer';
import { Chain } from './units';
import { kernelImages } from './kernelImages';
import type { ModelName } from './models/catalog';
import type { KernelImages, NormKind } from './vocabulary';

export interface ProbeActivation {
  layer: string;
  pre: tf.Tensor;
  post: tf.Tensor;
}

export interface Model {
  readonly name: ModelName;
  readonly norm: NormKind;
  /** [height, width, channels] */
  readonly inputShape: [number, number, number];
  readonly classes: number;
  /** Logits [batch, classes] for images [batch, h, w, c]. */
  forward(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D;
  trainableVariables(): tf.Variable[];
  stateVariables(): tf.Variable[];
  /** Number of trainable parameters. */
  paramCount(): number;
  /** Deconvolution input layer: fix its statistics from a data sample (no-op for other variants). */
  prepareInputStatistics(sample: tf.Tensor4D): void;
  /** First-layer filters (and deconvolution kernels, W·D for deconv) as plain arrays. */
  firstLayerKernels(maxFilters?: number): Promise<KernelImages>;
  /** Eval-mode pre/post-nonlinearity tensors of every normalised block; the caller disposes them. */
  activations(probe: tf.Tensor4D): ProbeActivation[];
  dispose(): void;
}

/** Base class: subclasses list their layers, name the input layer and implement `logits`. */
export abstract class BaseModel implements Model {
  protected abstract readonly layers: Layer[];
  protected abstract readonly inputLayer: Layer;

  constructor(
    readonly name: ModelName,
    readonly norm: NormKind,
    readonly inputShape: [number, number, number],
    readonly classes: number,
  ) {}

  protected abstract logits(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D;

  forward(x: tf.Tensor4D, ctx: ForwardContext): tf.Tensor2D {
    return this.logits(x, ctx);
  }

  trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.trainableVariables());
  }

  stateVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.stateVariables());
  }

  paramCount(): number {
    return countParams(this.trainableVariables());
  }

  prepareInputStatistics(sample: tf.Tensor4D): void {
    const layer = this.inputLayer;
    if (layer instanceof DeconvConv2d) layer.setStatisticsFromData(sample);
    else if (layer instanceof Delinear)
      tf.tidy(() => layer.setStatisticsFromData(tf.reshape(sample, [sample.shape[0], -1]) as tf.Tensor2D));
  }

  async firstLayerKernels(maxFilters = 32): Promise<KernelImages> {
    const layer = this.inputLayer instanceof Chain ? this.inputLayer.layers[0] : this.inputLayer;
    return kernelImages(layer, this.inputShape, maxFilters);
  }

  activations(probe: tf.Tensor4D): ProbeActivation[] {
    const out: ProbeActivation[] = [];
    tf.tidy(() => {
      this.forward(probe, {
        training: false,
        record: (layer, pre, post) => out.push({ layer, pre: tf.keep(pre.clone()), post: tf.keep(post.clone()) }),
      });
    });
    return out;
  }

  dispose(): void {
    for (const l of this.layers) l.dispose();
  }
}

/** relu(unit(x)), reporting pre and post to a probe. */
export function reluBlock(unit: Layer, x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
  const pre = unit.forward(x, ctx);
  const post = tf.relu(pre);
  ctx.record?.(unit.name, pre, post);
  return post;
}
