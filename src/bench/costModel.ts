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
// - the input layer's statistics are fixed from data (no covariance or Newton–Schulz per step); frozen:
//   statistics once per FREEZE_REFRESH_EVERY steps, detached (no backward through them);
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
import { FREEZE_REFRESH_EVERY, type RunningWhitening } from '../nn/whitening';
import { Conv2d, Dense } from '../nn/plain';

/** Statistics (mean, variance), then normalise and scale-shift: a rough count per output element. */
export const BN_FORWARD_PER_ELEMENT = 3;
export const BN_BACKWARD_PER_ELEMENT = 4;

/** Statistics every step (freezeIters 0), or the frozen steady state (one detached refresh per FREEZE_REFRESH_EVERY steps). */
export type StatisticsRegime = 'every-step' | 'frozen';

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
  regime: StatisticsRegime;
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

/**
 * How often a layer computes batch statistics and whether they carry a gradient: every step and
 * differentiated (when its input does), or frozen — one detached refresh per FREEZE_REFRESH_EVERY steps —
 * or never (the input layer, fixed from data).
 */
interface StatisticsUse {
  /** Share of steps that compute batch statistics. */
  refresh: number;
  /** The statistics are differentiated (every step, and the layer's input carries a gradient). */
  live: boolean;
}

function statisticsUse(running: RunningWhitening, call: LayerCall, regime: StatisticsRegime): StatisticsUse {
  if (running.fixedByData) return { refresh: 0, live: false };
  if (regime === 'frozen') return { refresh: 1 / FREEZE_REFRESH_EVERY, live: false };
  return { refresh: 1, live: call.inputGradient };
}

/** Covariance and Newton–Schulz of `matrices` matrices n x n from `rows` sampled vectors. */
function statisticsCost(parts: CostParts, use: StatisticsUse, rows: number, n: number, matrices: number, iters: number): void {
  parts.covarianceForward += use.refresh * (rows * n * n + rows * n);
  parts.isqrtForward += use.refresh * matrices * newtonSchulzProducts(iters) * n ** 3;
  if (use.live) {
    parts.covarianceBackward += 2 * rows * n * n;
    parts.isqrtBackward += 2 * matrices * newtonSchulzProducts(iters) * n ** 3;
  }
}

/** W' = Dᵀ·W over `groups` blocks of n, the bias shift, dW, and dD when the statistics are live. */
function foldCost(n: number, groups: number, outputs: number, use: StatisticsUse): number {
  const fold = n * n * groups * outputs;
  return fold + n * groups * outputs + fold + (use.live ? fold : 0);
}

function deconvConvCost(layer: DeconvConv2d, call: LayerCall, batch: number, regime: StatisticsRegime, parts: CostParts): void {
  const [, height, width] = call.input;
  const use = statisticsUse(layer.running, call, regime);
  const pad = padAmount({ kernel: layer.kernel, samplingStride: 1, padding: layer.padding });
  const sampling = layer.settings.samplingStride * layer.stride;
  const sampled = (size: number): number => Math.ceil((size + 2 * pad - layer.kernel + 1) / sampling);
  const rows = batch * layer.groups * sampled(height) * sampled(width);
  statisticsCost(parts, use, rows, layer.n, layer.running.isqrt.shape[0], layer.settings.iters);
  parts.fold += foldCost(layer.n, layer.groups, layer.weight.shape[3], use);
}

function delinearCost(layer: Delinear, call: LayerCall, batch: number, regime: StatisticsRegime, parts: CostParts): void {
  const [inputs, outputs] = layer.weight.shape;
  const use = statisticsUse(layer.running, call, regime);
  const matrices = layer.running.isqrt.shape[0];
  statisticsCost(parts, use, batch * layer.groups, layer.block, matrices, layer.settings.iters);
  // Delinear.forward: pooled D and a batch smaller than the outputs whiten the rows instead of folding.
  if (matrices === 1 && batch < outputs) {
    const whiten = batch * inputs * layer.block;
    parts.whiten += whiten + (call.inputGradient ? whiten : 0) + (use.live ? whiten : 0);
  } else {
    parts.fold += foldCost(layer.block, layer.groups, outputs, use);
  }
}

function channelDeconvCost(layer: ChannelDeconv, call: LayerCall, batch: number, regime: StatisticsRegime, parts: CostParts): void {
  const use = statisticsUse(layer.running, call, regime);
  const pixels = product(...call.input.slice(1, -1));
  const sampling = layer.settings.samplingStride;
  const sampled =
    call.input.length === 4 && sampling > 1 ? Math.ceil(call.input[1] / sampling) * Math.ceil(call.input[2] / sampling) : pixels;
  const n = layer.block;
  statisticsCost(parts, use, batch * sampled * layer.groups, n, layer.running.isqrt.shape[0], layer.settings.iters);
  const whiten = batch * pixels * layer.groups * n * n;
  parts.whiten += whiten + (call.inputGradient ? whiten : 0) + (use.live ? whiten : 0);
}

function layerCost(call: LayerCall, batch: number, regime: StatisticsRegime): LayerCost {
  const parts = emptyParts();
  const { layer } = call;
  const backwardProducts = call.inputGradient ? 2 : 1;
  if (layer instanceof DeconvConv2d || layer instanceof Conv2d) {
    const [k, , inputs, outputs] = layer.weight.shape;
    const [, outH, outW] = call.output;
    parts.product = (1 + backwardProducts) * batch * outH * outW * k * k * inputs * outputs;
    if (layer instanceof DeconvConv2d) deconvConvCost(layer, call, batch, regime, parts);
  } else if (layer instanceof Delinear || layer instanceof Dense) {
    const [inputs, outputs] = layer.weight.shape;
    parts.product = (1 + backwardProducts) * batch * inputs * outputs;
    if (layer instanceof Delinear) delinearCost(layer, call, batch, regime, parts);
  } else if (layer instanceof ChannelDeconv) {
    channelDeconvCost(layer, call, batch, regime, parts);
  } else if (layer instanceof BatchNorm) {
    parts.batchNorm = (BN_FORWARD_PER_ELEMENT + BN_BACKWARD_PER_ELEMENT) * batch * product(...call.output.slice(1));
  }
  return { layer: layer.name, inputGradient: call.inputGradient, ...parts };
}

/**
 * Multiply-adds of one training step of `model` at `batch`, per layer and in total. The model's input
 * layer should have its statistics fixed from data first, as the trainer does (`modelStepCost` does it).
 */
export function stepCost(model: Model, batch: number, regime: StatisticsRegime = 'every-step'): StepCost {
  const layers = traceLayers(model).map((call) => layerCost(call, batch, regime));
  const totals = { ...emptyParts(), total: 0 };
  for (const l of layers) {
    for (const part of PART_NAMES) {
      totals[part] += l[part];
      totals.total += l[part];
    }
  }
  return { model: model.name, norm: model.norm, batch, regime, layers, totals };
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
  inputShape: readonly [number, number, number],
  settings: ModelSettings,
  batch: number,
  regime: StatisticsRegime = 'every-step',
  classes = 10,
): StepCost {
  const model = createModel(name, norm, [...inputShape], classes, settings);
  try {
    tf.tidy(() => model.prepareInputStatistics(tf.zeros([1, ...inputShape])));
    return stepCost(model, batch, regime);
  } finally {
    model.dispose();
  }
}
