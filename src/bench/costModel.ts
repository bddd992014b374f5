// Expected multiply-adds of one training step (issue #13): each layer's own product, and the extra work of
// network deconvolution (patch covariance, Newton–Schulz forward and backward, the fold W·D or the explicit
// whitening of rows). Counts only, no timing; shapes come from one forward pass of the model itself.
//
// Counting rules (every multiply-add costs the same; on a GPU small n³ products run far below peak, so a
// measured ratio above the prediction is expected there):
// - a product A[m, k]·B[k, n] costs m·k·n; its backward costs two such products (one per operand), and
//   only the operands that lead back to a trainable variable are differentiated (tfjs prunes the rest);
// - covariance of M sampled patches of length n: M·n² (+ M·n for the mean), backward 2·M·n²;
// - Newton–Schulz with K steps as src/core/newtonSchulz.ts runs it: 3K − 2 products of n³ per matrix
//   (the first step has one), one matrix pooled, one per block otherwise; reverse mode through the
//   unrolled steps: 2 products per forward product ('unrolled' gradient; the Lyapunov one is not modelled);
// - the input layer's statistics are fixed from data (no covariance or Newton–Schulz per step);
// - batch norm: BN_FORWARD_PER_ELEMENT + BN_BACKWARD_PER_ELEMENT operations per output element;
// - pooling, ReLU, the loss and the SGD update are left out of both variants.
import * as tf from '@tensorflow/tfjs-core';
import { padAmount } from '../core/patchCovariance';
import { BatchNorm } from '../nn/batchNorm';
import { ChannelDeconv } from '../nn/channelDeconv';
import { DeconvConv2d } from '../nn/deconvConv2d';
import { Delinear } from '../nn/delinear';
import type { ForwardContext, Layer } from '../nn/layer';
import { createModel } from '../nn/createModel';
import type { Model } from '../nn/model';
import type { ModelName } from '../nn/models/catalog';
import type { ModelSettings } from '../nn/units';
import type { NormKind } from '../nn/vocabulary';
import { Conv2d, Dense } from '../nn/plain';

/** Statistics (mean, variance), then normalise and scale-shift: a rough count per output element. */
export const BN_FORWARD_PER_ELEMENT = 3;
export const BN_BACKWARD_PER_ELEMENT = 4;

export interface CostParts {
  /** The layer's own convolution or dense product, forward and backward. */
  product: number;
  covarianceForward: number;
  covarianceBackward: number;
  isqrtForward: number;
  isqrtBackward: number;
  /** W·D (+ the bias shift) and its backward. */
  fold: number;
  /** Explicit whitening of rows (x − m)·Dᵀ and its backward (Delinear's small-batch route, ChannelDeconv). */
  whiten: number;
  batchNorm: number;
}

export interface LayerCost extends CostParts {
  layer: string;
  /** Whether the layer's input carries a gradient (false for the first layer). */
  inputGradient: boolean;
}

export interface StepCost {
  model: string;
  norm: string;
  batch: number;
  layers: LayerCost[];
  totals: CostParts & { total: number };
}

const PART_NAMES: (keyof CostParts)[] = [
  'product',
  'covarianceForward',
  'covarianceBackward',
  'isqrtForward',
  'isqrtBackward',
  'fold',
  'whiten',
  'batchNorm',
];

function emptyParts(): CostParts {
  return { product: 0, covarianceForward: 0, covarianceBackward: 0, isqrtForward: 0, isqrtBackward: 0, fold: 0, whiten: 0, batchNorm: 0 };
}

/** Products of Newton–Schulz with K steps (src/core/newtonSchulz.ts: one product in the first step, three after). */
export function newtonSchulzProducts(iters: number): number {
  return iters < 1 ? 0 : 3 * iters - 2;
}

interface LayerCall {
  layer: Layer;
  input: number[];
  output: number[];
  inputGradient: boolean;
}

type Forward = (this: Layer, x: tf.Tensor, ctx: ForwardContext) => tf.Tensor;
const COUNTED_LAYERS = [DeconvConv2d, Delinear, ChannelDeconv, Conv2d, Dense, BatchNorm];

/**
 * One eval-mode forward pass of a zero image (batch 1) with the counted layer classes' `forward`
 * wrapped for its duration: each call records its layer, input and output shapes, and whether a
 * trainable layer ran before it (then its input carries a gradient).
 */
function traceLayers(model: Model): LayerCall[] {
  const calls: LayerCall[] = [];
  let trainableSeen = false;
  const saved = COUNTED_LAYERS.map((cls) => {
    const proto = cls.prototype as unknown as { forward: Forward };
    const own = Object.prototype.hasOwnProperty.call(proto, 'forward');
    const original = proto.forward;
    proto.forward = function (this: Layer, x: tf.Tensor, ctx: ForwardContext): tf.Tensor {
      const inputGradient = trainableSeen;
      const y = original.call(this, x, ctx);
      calls.push({ layer: this, input: x.shape, output: y.shape, inputGradient });
      if (this.trainableVariables().length > 0) trainableSeen = true;
      return y;
    };
    return { proto, own, original };
  });
  try {
    const [h, w, c] = model.inputShape;
    tf.tidy(() => {
      model.forward(tf.zeros([1, h, w, c]), { training: false });
    });
  } finally {
    for (const { proto, own, original } of saved) {
      if (own) proto.forward = original;
      else delete (proto as Partial<{ forward: Forward }>).forward;
    }
  }
  return calls;
}

const product = (...sizes: number[]): number => sizes.reduce((a, b) => a * b, 1);

/** Covariance and Newton–Schulz of `matrices` matrices n x n from `rows` sampled vectors; backward when `live`. */
function statisticsCost(parts: CostParts, rows: number, n: number, matrices: number, iters: number, live: boolean): void {
  parts.covarianceForward += rows * n * n + rows * n;
  parts.isqrtForward += matrices * newtonSchulzProducts(iters) * n ** 3;
  if (live) {
    parts.covarianceBackward += 2 * rows * n * n;
    parts.isqrtBackward += 2 * matrices * newtonSchulzProducts(iters) * n ** 3;
  }
}

function deconvConvCost(layer: DeconvConv2d, call: LayerCall, batch: number, parts: CostParts): void {
  const [, height, width] = call.input;
  const outputs = layer.weight.shape[3];
  const n = layer.n;
  const stats = !layer.running.fixedByData;
  if (stats) {
    const span = (pad: number, size: number): number => size + 2 * pad - layer.kernel + 1;
    const pad = padAmount({ kernel: layer.kernel, samplingStride: 1, padding: layer.padding });
    const sampling = layer.settings.samplingStride * layer.stride;
    const positions = Math.ceil(span(pad, height) / sampling) * Math.ceil(span(pad, width) / sampling);
    statisticsCost(parts, batch * layer.groups * positions, n, layer.running.isqrt.shape[0], layer.settings.iters, call.inputGradient);
  }
  const fold = n * n * layer.groups * outputs;
  parts.fold += fold + n * layer.groups * outputs + fold + (stats && call.inputGradient ? fold : 0);
}

function delinearCost(layer: Delinear, call: LayerCall, batch: number, parts: CostParts): void {
  const [inputs, outputs] = layer.weight.shape;
  const stats = !layer.running.fixedByData;
  const matrices = layer.running.isqrt.shape[0];
  const live = stats && call.inputGradient;
  if (stats) statisticsCost(parts, batch * layer.groups, layer.block, matrices, layer.settings.iters, call.inputGradient);
  // Delinear.forward: pooled D and a batch smaller than the outputs whiten the rows instead of folding.
  if (matrices === 1 && batch < outputs) {
    const whiten = batch * inputs * layer.block;
    parts.whiten += whiten + (call.inputGradient ? whiten : 0) + (live ? whiten : 0);
  } else {
    const fold = layer.block * layer.block * layer.groups * outputs;
    parts.fold += fold + layer.block * layer.groups * outputs + fold + (live ? fold : 0);
  }
}

function channelDeconvCost(layer: ChannelDeconv, call: LayerCall, batch: number, parts: CostParts): void {
  const pixels = product(...call.input.slice(1, -1));
  const sampling = layer.settings.samplingStride;
  const sampled =
    call.input.length === 4 && sampling > 1 ? Math.ceil(call.input[1] / sampling) * Math.ceil(call.input[2] / sampling) : pixels;
  const n = layer.block;
  statisticsCost(parts, batch * sampled * layer.groups, n, layer.running.isqrt.shape[0], layer.settings.iters, call.inputGradient);
  const whiten = batch * pixels * layer.groups * n * n;
  parts.whiten += whiten + (call.inputGradient ? 2 * whiten : 0);
}

function layerCost(call: LayerCall, batch: number): LayerCost {
  const parts = emptyParts();
  const { layer } = call;
  const backwardProducts = call.inputGradient ? 2 : 1;
  if (layer instanceof DeconvConv2d || layer instanceof Conv2d) {
    const [k, , inputs, outputs] = layer.weight.shape;
    const [, outH, outW] = call.output;
    parts.product = (1 + backwardProducts) * batch * outH * outW * k * k * inputs * outputs;
    if (layer instanceof DeconvConv2d) deconvConvCost(layer, call, batch, parts);
  } else if (layer instanceof Delinear || layer instanceof Dense) {
    const [inputs, outputs] = layer.weight.shape;
    parts.product = (1 + backwardProducts) * batch * inputs * outputs;
    if (layer instanceof Delinear) delinearCost(layer, call, batch, parts);
  } else if (layer instanceof ChannelDeconv) {
    channelDeconvCost(layer, call, batch, parts);
  } else if (layer instanceof BatchNorm) {
    parts.batchNorm = (BN_FORWARD_PER_ELEMENT + BN_BACKWARD_PER_ELEMENT) * batch * product(...call.output.slice(1));
  }
  return { layer: layer.name, inputGradient: call.inputGradient, ...parts };
}

/** Multiply-adds of one training step of `model` at `batch`, per layer and in total. */
export function stepCost(model: Model, batch: number): StepCost {
  const layers = traceLayers(model).map((call) => layerCost(call, batch));
  const totals = { ...emptyParts(), total: 0 };
  for (const l of layers) {
    for (const part of PART_NAMES) {
      totals[part] += l[part];
      totals.total += l[part];
    }
  }
  return { model: model.name, norm: model.norm, batch, layers, totals };
}

/** Deconvolution's work beyond the layers' own products. */
export function deconvExtra(parts: CostParts): number {
  return parts.covarianceForward + parts.covarianceBackward + parts.isqrtForward + parts.isqrtBackward + parts.fold + parts.whiten;
}

/** Predicted deconv / BN step time if every multiply-add cost the same. */
export function predictedStepRatio(deconv: StepCost, batchNorm: StepCost): number {
  return deconv.totals.total / batchNorm.totals.total;
}

/** The step cost of a fresh model as the trainer runs it: the input layer's statistics fixed from a (zero) data sample. */
export function modelStepCost(
  name: ModelName,
  norm: NormKind,
  inputShape: [number, number, number],
  settings: ModelSettings,
  batch: number,
  classes = 10,
): StepCost {
  const model = createModel(name, norm, inputShape, classes, settings);
  try {
    tf.tidy(() => model.prepareInputStatistics(tf.zeros([1, ...inputShape])));
    return stepCost(model, batch);
  } finally {
    model.dispose();
  }
}
