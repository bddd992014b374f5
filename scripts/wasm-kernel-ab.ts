// What one of our wasm kernels buys a training step: each model's BN and deconvolution runners step with
// our kernel and with tfjs's own in turn (ours, theirs, ours, ...), so a change of machine load hits both
// sides alike; medians per side. Node, tfjs wasm (as the CLI trains), batch 32, statistics every step.
//   node --import tsx scripts/wasm-kernel-ab.ts --kernels=Conv2DBackpropInput,MaxPoolGrad [--steps=8] [--models=simple-cnn,vgg-mini,resnet-mini]
import * as tf from '@tensorflow/tfjs-core';
import { median } from '../src/bench/asyncTiming';
import { syntheticBatch, benchInputShape } from '../src/bench/stepData';
import { describeNodeBackend, initNodeBackend, registerNodeGradients } from '../src/cli/nodeBackend';
import { uninstallKernel } from '../src/kernels/install';
import { registerFastKernels } from '../src/kernels/register';
import { blockFor, isModelName } from '../src/nn/models/catalog';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/defaults';
import { argFlag } from './argv';
import { stepRunner } from './stepRunner';

async function main(): Promise<void> {
  const kernels = argFlag('kernels', 'Conv2DBackpropInput').split(',');
  const steps = Number(argFlag('steps', '8'));
  const models = argFlag('models', 'simple-cnn,vgg-mini,resnet-mini').split(',');
  await initNodeBackend('wasm');
  await registerNodeGradients();
  const cfg = DEFAULT_TRAIN_CONFIG;
  console.log(`ours vs tfjs's ${kernels.join(' + ')}, ${steps} steps each in turn; ${await describeNodeBackend('wasm')}`);
  console.log("| model | variant | tfjs's kernel (median step) | ours | speed-up |\n|---|---|--:|--:|--:|");
  for (const model of models) {
    if (!isModelName(model)) throw new Error(`unknown model "${model}"`);
    const shape = benchInputShape(model);
    const data = syntheticBatch(shape, 32, 1);
    for (const norm of ['batchnorm', 'deconv'] as const) {
      const runner = stepRunner(model, norm, blockFor(model), shape);
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let i = 0; i < 2; i += 1) await runner.step(data.x, data.oneHot, cfg.lr);
      for (let i = 0; i < steps; i += 1) {
        registerFastKernels('wasm');
        ours.push((await runner.step(data.x, data.oneHot, cfg.lr)).ms);
        for (const name of kernels) uninstallKernel(name, 'wasm');
        theirs.push((await runner.step(data.x, data.oneHot, cfg.lr)).ms);
      }
      registerFastKernels('wasm');
      const [t, o] = [median(theirs), median(ours)];
      console.log(`| ${model} | ${norm} | ${t.toFixed(0)} ms | ${o.toFixed(0)} ms | ${(t / o).toFixed(2)}x |`);
      runner.dispose();
    }
    tf.dispose([data.x, data.oneHot]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
