// The mlp's training step at its default block and at the paper's 64, against batch norm, with the
// three variants stepping in turn (BN, block A, block B, BN, ...) so that a change of machine load
// hits all of them alike; medians of every variant's steps (issue #13: the before / after of the
// default block in one run). Node, tfjs wasm (as the CLI trains):
//   node --import tsx scripts/block-step-timing.ts [--model=mlp] [--steps=60] [--blocks=32,64] [--batch=32]
import * as tf from '@tensorflow/tfjs-core';
import { median } from '../src/bench/asyncTiming';
import { syntheticBatch, benchInputShape } from '../src/bench/stepData';
import { describeNodeBackend, initNodeBackend, registerNodeGradients } from '../src/cli/nodeBackend';
import { isModelName } from '../src/nn/models/catalog';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/defaults';
import { VariantRunner } from '../src/train/variantRunner';
import { argFlag } from './argv';
import { stepRunner } from './stepRunner';

async function main(): Promise<void> {
  const model = argFlag('model', 'mlp');
  if (!isModelName(model)) throw new Error(`unknown model "${model}"`);
  const steps = Number(argFlag('steps', '60'));
  const batch = Number(argFlag('batch', '32'));
  const blocks = argFlag('blocks', '32,64').split(',').map(Number);
  await initNodeBackend('wasm');
  await registerNodeGradients();
  const shape = benchInputShape(model);
  const data = syntheticBatch(shape, batch, 1);
  const cfg = DEFAULT_TRAIN_CONFIG;
  const runner = (norm: 'batchnorm' | 'deconv', block: number): VariantRunner => stepRunner(model, norm, block, shape);
  const sides = [
    { name: 'batch norm', runner: runner('batchnorm', blocks[0]), ms: [] as number[] },
    ...blocks.map((b) => ({ name: `deconv, block ${b}`, runner: runner('deconv', b), ms: [] as number[] })),
  ];
  for (const s of sides) for (let i = 0; i < 2; i += 1) await s.runner.step(data.x, data.oneHot, cfg.lr);
  for (let i = 0; i < steps; i += 1) for (const s of sides) s.ms.push((await s.runner.step(data.x, data.oneHot, cfg.lr)).ms);
  const bn = median(sides[0].ms);
  console.log(`${model}, batch ${batch}, statistics every step, ${steps} steps each in turn; ${await describeNodeBackend('wasm')}`);
  console.log('| variant | median step | / BN |\n|---|--:|--:|');
  for (const s of sides) console.log(`| ${s.name} | ${median(s.ms).toFixed(1)} ms | ${(median(s.ms) / bn).toFixed(2)}x |`);
  for (const s of sides) s.runner.dispose();
  tf.dispose([data.x, data.oneHot]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
