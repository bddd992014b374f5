// One layer, forward + backward (tf.variableGrads of a scalar loss): deconvolution conv with the
// training defaults vs a plain conv and vs conv + batch norm, on 64x32x32xC activations.
// Ratio = deconv / other (lower is better; context, no target).
import * as tf from '@tensorflow/tfjs-core';
import { BatchNorm } from '../nn/batchNorm';
import { modelSettingsFrom } from '../nn/createModel';
import { DeconvConv2d } from '../nn/deconvConv2d';
import type { Layer } from '../nn/layer';
import { Conv2d } from '../nn/plain';
import { Chain } from '../nn/units';
import { DEFAULT_TRAIN_CONFIG } from '../train/defaults';
import { measure } from '../gpu/check/timing';
import type { CaseContext } from './context';
import { comparisonRow, ms, skippedRow } from './rows';
import type { BenchRow } from './types';

export const LAYER_GROUPS = { plain: 'deconv_conv_vs_conv', bn: 'deconv_conv_vs_conv_bn' } as const;
const KERNEL = 3;

export interface LayerSizes {
  batch: number;
  side: number;
  channels: readonly number[];
}

/** The sizes: 64x32x32 activations with 16, 32, 64 channels. */
export const LAYER_SIZES: LayerSizes = { batch: 64, side: 32, channels: [16, 32, 64] };

/**
 * Cases left out of the default run (they run with `full`): 64 channels means 576 x 576 whitening
 * matrices (about minutes per step on a software adapter), and the cpu backend's convolutions take
 * tens of seconds per forward+backward at these sizes.
 */
export function skipLayerCase(backend: string, channels: number, full: boolean): string | undefined {
  if (full) return undefined;
  if (backend === 'cpu') return 'skipped on cpu by default (tens of seconds per forward+backward at this size); runs with --full';
  if (channels >= 64)
    return 'skipped by default: 64 channels give 576 x 576 whitening matrices, minutes per case on a software adapter; runs with --full';
  return undefined;
}

function layers(channels: number): { deconv: Layer; plain: Layer; bn: Layer } {
  const conv = { inChannels: channels, outChannels: channels, kernel: KERNEL, padding: 'same' as const, seed: 1 };
  return {
    deconv: new DeconvConv2d({ ...conv, name: 'deconv', settings: modelSettingsFrom(DEFAULT_TRAIN_CONFIG.deconv).deconv }),
    plain: new Conv2d({ ...conv, name: 'plain', useBias: true }),
    bn: new Chain('conv-bn', [new Conv2d({ ...conv, name: 'conv', useBias: false }), new BatchNorm({ name: 'bn', channels })]),
  };
}

/** Loss = mean of squares of the layer's output; returns the loss and every variable's gradient. */
function forwardBackward(layer: Layer, x: tf.Tensor4D): () => tf.Tensor[] {
  return () => {
    const { value, grads } = tf.variableGrads(
      () => tf.mean(tf.square(layer.forward(x, { training: true }))) as tf.Scalar,
      layer.trainableVariables(),
    );
    return [value, ...Object.values(grads)];
  };
}

function settingsText(): string {
  const d = DEFAULT_TRAIN_CONFIG.deconv;
  return `deconv ${d.blockMode}, block ${d.block}, sampling stride ${d.samplingStride}, K=${d.iters}, eps ${d.eps}`;
}

/** Rows of the requested layer groups (`wanted`), one per channel count; deconv is timed once for both. */
export async function* layerCases(
  ctx: CaseContext,
  wanted: ReadonlySet<string>,
  sizes: LayerSizes = LAYER_SIZES,
): AsyncGenerator<BenchRow, void, undefined> {
  const { maxReps, budgetMsPerCase } = ctx.options;
  const { batch, side } = sizes;
  for (const channels of sizes.channels) {
    const label = `${batch}x${side}x${side}x${channels}, k=${KERNEL} same, ${channels} out`;
    const skip = skipLayerCase(ctx.backend, channels, ctx.options.full);
    if (skip) {
      for (const group of [LAYER_GROUPS.plain, LAYER_GROUPS.bn]) if (wanted.has(group)) yield skippedRow(group, label, ctx.backend, skip);
      continue;
    }
    const x = tf.randomUniform([batch, side, side, channels], 0, 1, 'float32', channels) as tf.Tensor4D;
    const l = layers(channels);
    try {
      ctx.progress(`one layer ${label}: deconv`);
      const deconv = await measure(forwardBackward(l.deconv, x), maxReps, budgetMsPerCase);
      const others = [
        { group: LAYER_GROUPS.plain, layer: l.plain, name: 'plain conv' },
        { group: LAYER_GROUPS.bn, layer: l.bn, name: 'conv + BN' },
      ];
      for (const other of others) {
        if (!wanted.has(other.group)) continue;
        ctx.progress(`one layer ${label}: ${other.name}`);
        const t = await measure(forwardBackward(other.layer, x), maxReps, budgetMsPerCase);
        yield comparisonRow({
          group: other.group,
          label,
          backend: ctx.backend,
          a: ms('deconv', deconv.medianMs),
          b: ms(other.name, t.medianMs),
          ratioMeaning: `deconv / ${other.name}, lower is better`,
          reps: Math.min(deconv.reps, t.reps),
          note: settingsText(),
        });
      }
    } finally {
      x.dispose();
      for (const layer of [l.deconv, l.plain, l.bn]) layer.dispose();
    }
  }
}
