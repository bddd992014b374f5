// A "unit" is a conv or dense layer with the variant's normalisation: deconvolution folded into
// the layer, conv/dense followed by batch norm, or the plain layer with a bias.
import type * as tf from '@tensorflow/tfjs-core';
import { BatchNorm } from './batchNorm';
import type { ConvGeometry, DenseGeometry } from './conv';
import { DeconvConv2d } from './deconvConv2d';
import { Delinear } from './delinear';
import type { ForwardContext, Layer } from './layer';
import { Conv2d, Dense } from './plain';
import type { NormKind } from './vocabulary';
import type { DeconvLayerSettings } from './whitening';

export interface ModelSettings {
  /** Settings of hidden deconvolution layers. */
  deconv: DeconvLayerSettings;
  /** Newton–Schulz iterations of the input layer (reference 15). */
  inputIters: number;
}

/** A layer followed by another (conv + batch norm), seen as one layer. */
export class Chain implements Layer {
  constructor(
    readonly name: string,
    readonly layers: Layer[],
  ) {}

  forward(x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
    return this.layers.reduce((h, layer) => layer.forward(h, ctx), x);
  }

  trainableVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.trainableVariables());
  }

  stateVariables(): tf.Variable[] {
    return this.layers.flatMap((l) => l.stateVariables());
  }

  dispose(): void {
    for (const l of this.layers) l.dispose();
  }
}

function layerSettings(settings: ModelSettings, isInput: boolean): DeconvLayerSettings {
  return isInput ? { ...settings.deconv, iters: settings.inputIters } : settings.deconv;
}

export interface ConvUnitOptions extends ConvGeometry {
  isInput?: boolean;
}

export function convUnit(norm: NormKind, o: ConvUnitOptions, settings: ModelSettings, seed: number): Layer {
  if (norm === 'deconv') return new DeconvConv2d({ ...o, settings: layerSettings(settings, o.isInput ?? false), seed });
  if (norm === 'none') return new Conv2d({ ...o, useBias: true, seed });
  return new Chain(o.name, [new Conv2d({ ...o, useBias: false, seed }), new BatchNorm({ name: `${o.name}.bn`, channels: o.outChannels })]);
}

export interface DenseUnitOptions extends DenseGeometry {
  isInput?: boolean;
  /** The classifier gets no batch norm (deconv still whitens its input). */
  classifier?: boolean;
}

export function denseUnit(norm: NormKind, o: DenseUnitOptions, settings: ModelSettings, seed: number): Layer {
  if (norm === 'deconv') return new Delinear({ ...o, settings: layerSettings(settings, o.isInput ?? false), seed });
  if (norm === 'none' || o.classifier) return new Dense({ ...o, useBias: true, seed });
  return new Chain(o.name, [new Dense({ ...o, useBias: false, seed }), new BatchNorm({ name: `${o.name}.bn`, channels: o.outFeatures })]);
}
