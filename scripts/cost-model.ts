// Expected multiply-adds of one training step per model (src/bench/costModel.ts), printed as markdown:
// a summary per model and block size, then each model's layers at block 64.
//   node --import tsx scripts/cost-model.ts [--batch=32] [--iters=5]
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { deconvExtra, modelStepCost, predictedStepRatio, type CostParts, type StepCost } from '../src/bench/costModel';
import { DEFAULT_MODEL_SETTINGS } from '../src/nn/createModel';
import { MODEL_CATALOG, type ModelName } from '../src/nn/models/catalog';
import type { ModelSettings } from '../src/nn/units';

const MODELS: ModelName[] = ['mlp', 'simple-cnn', 'vgg-mini', 'resnet-mini', 'paper-mlp'];
const BLOCKS = [64, 16];

function flag(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  return arg ? Number(arg.slice(name.length + 3)) : fallback;
}

const mega = (x: number): string => (x / 1e6).toFixed(x < 1e7 ? 2 : 1);

function settingsFor(block: number, iters: number): ModelSettings {
  return { ...DEFAULT_MODEL_SETTINGS, deconv: { ...DEFAULT_MODEL_SETTINGS.deconv, block, iters } };
}

function partColumns(p: CostParts): string[] {
  return [mega(p.covarianceForward + p.covarianceBackward), mega(p.isqrtForward), mega(p.isqrtBackward), mega(p.fold), mega(p.whiten)];
}

function summaryRow(block: number, deconv: StepCost, frozen: StepCost, bn: StepCost): string {
  const cells = [
    deconv.model,
    String(block),
    mega(bn.totals.product),
    mega(bn.totals.batchNorm),
    ...partColumns(deconv.totals),
    mega(deconvExtra(deconv.totals)),
    mega(deconv.totals.total),
    mega(bn.totals.total),
    `${predictedStepRatio(deconv, bn).toFixed(2)}x`,
    `${predictedStepRatio(frozen, bn).toFixed(2)}x`,
  ];
  return `| ${cells.join(' | ')} |`;
}

function layerTable(deconv: StepCost): string[] {
  const lines = [
    `#### ${deconv.model} (deconvolution variant, batch ${deconv.batch}), M multiply-adds`,
    '',
    '| layer | input gradient | product | covariance f+b | NS forward | NS backward | fold | whiten |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const l of deconv.layers) {
    lines.push(`| ${l.layer} | ${l.inputGradient ? 'yes' : 'no'} | ${mega(l.product)} | ${partColumns(l).join(' | ')} |`);
  }
  return [...lines, ''];
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  const batch = flag('batch', 32);
  const iters = flag('iters', 5);
  const out = [
    `### Expected multiply-adds per training step (batch ${batch}, K = ${iters}), M; parts with statistics every step`,
    '',
    '| model | block | product (both) | BN | covariance f+b | NS forward | NS backward | fold | whiten | deconv extra | deconv step | BN step | predicted deconv / BN | frozen: predicted deconv / BN |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  const details: string[] = [];
  for (const name of MODELS) {
    const inputShape = MODEL_CATALOG[name].inputShape;
    for (const block of BLOCKS) {
      const settings = settingsFor(block, iters);
      const deconv = modelStepCost(name, 'deconv', inputShape, settings, batch);
      const frozen = modelStepCost(name, 'deconv', inputShape, settings, batch, 'frozen');
      const bn = modelStepCost(name, 'batchnorm', inputShape, settings, batch);
      out.push(summaryRow(block, deconv, frozen, bn));
      if (block === BLOCKS[0]) details.push(...layerTable(deconv));
    }
  }
  console.log([...out, '', ...details].join('\n'));
}

void main();
