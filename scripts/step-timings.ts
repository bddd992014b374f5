// `npx tsx scripts/step-timings.ts [--batch 32] [--steps 3] [--backends wasm,cpu,cpu-plain,cpu-conv2d-fast,cpu-conv2d] [--profile]`:
// median ms per training step of simple-cnn (28x28x1, the CLI's default deconvolution settings) for
// the deconv and batchnorm variants on:
//   cpu              the cpu backend as the app runs it (src/nn/conv.ts: im2col + matMul on cpu) with
//                    registerFastKernels('cpu') (our UnsortedSegmentSum matters there),
//   cpu-plain        the same with tfjs's own kernels only,
//   cpu-conv2d       the cpu backend's kernels under another name, so tf.conv2d runs (tfjs's own
//                    scalar-loop Conv2DBackpropFilter: the "before" of issue #11),
//   cpu-conv2d-fast  the same with our Conv2DBackpropFilter (src/kernels),
//   wasm             the wasm backend with our kernels,
//   wasm-own-matmul  the same with tfjs's own wasm BatchMatMul (ours only adds the missing kernels).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { createModel, modelSettingsFrom } from '../src/nn/createModel';
import { registerFastKernels } from '../src/kernels/register';
import { conv2DBackpropFilterViaConv2D } from '../src/kernels/conv2dBackpropFilter';
import { installKernel, originalKernel, uninstallKernel } from '../src/kernels/install';
import { DEFAULT_TRAIN_CONFIG } from '../src/train/defaults';
import { VariantRunner } from '../src/train/variantRunner';
import type { NormKind } from '../src/train/protocol';

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

/** The cpu kernels registered again under `name` (a backend the app's conv2d does not special-case). */
async function cpuAlias(name: string): Promise<void> {
  if (tf.findBackend(name)) return;
  const cpu = tf.findBackend('cpu') ?? (await tf.setBackend('cpu'), tf.findBackend('cpu'));
  if (!cpu) throw new Error('no cpu backend');
  tf.registerBackend(name, () => new (cpu.constructor as new () => tf.KernelBackend)());
  for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...(originalKernel(k.kernelName, 'cpu') ?? k), backendName: name });
}

async function stepMs(norm: NormKind, batch: number, steps: number): Promise<number> {
  const settings = modelSettingsFrom(DEFAULT_TRAIN_CONFIG.deconv);
  const model = createModel('simple-cnn', norm, [28, 28, 1], 10, settings, 1);
  const runner = new VariantRunner(model, { kind: 'sgd', momentum: 0.9, weightDecay: 1e-3 });
  const x = tf.randomUniform([batch, 28, 28, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
  const oneHot = tf.tidy(() =>
    tf.cast(
      tf.oneHot(
        tf.tensor1d(
          Array.from({ length: batch }, (_, i) => i % 10),
          'int32',
        ),
        10,
      ),
      'float32',
    ),
  ) as tf.Tensor2D;
  model.prepareInputStatistics(x);
  await runner.step(x, oneHot, 0.05); // warm-up
  const times: number[] = [];
  for (let i = 0; i < steps; i += 1) times.push((await runner.step(x, oneHot, 0.05)).ms);
  if (process.argv.includes('--profile')) {
    const profile = await tf.profile(async () => {
      await runner.step(x, oneHot, 0.05);
    });
    const byKernel = new Map<string, number>();
    for (const k of profile.kernels) byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(k.kernelTimeMs));
    const top = [...byKernel.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`  ${norm}: ${top.map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
  }
  tf.dispose([x, oneHot]);
  runner.dispose();
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function main(): Promise<void> {
  tf.enableProdMode();
  await import('@tensorflow/tfjs-layers'); // gradients under Node
  const batch = Number(flag('batch', '32'));
  const steps = Number(flag('steps', '3'));
  const backends = flag('backends', 'wasm,cpu,cpu-plain,cpu-conv2d-fast,cpu-conv2d').split(',');
  for (const backend of backends) {
    if (backend.startsWith('cpu-conv2d')) await cpuAlias('cpu-conv2d');
    const name = backend.startsWith('cpu-conv2d')
      ? 'cpu-conv2d'
      : backend === 'cpu-plain'
        ? 'cpu'
        : backend.startsWith('wasm')
          ? 'wasm'
          : backend;
    if (!(await tf.setBackend(name))) throw new Error(`backend ${name} did not start`);
    if (backend === 'cpu-plain') for (const k of [tf.Conv2DBackpropFilter, tf.UnsortedSegmentSum]) uninstallKernel(k, 'cpu');
    else if (backend === 'cpu-conv2d') uninstallKernel(tf.Conv2DBackpropFilter, name);
    else if (backend === 'cpu-conv2d-fast') installKernel(tf.Conv2DBackpropFilter, name, () => conv2DBackpropFilterViaConv2D(name));
    else registerFastKernels(name);
    if (backend === 'wasm-own-matmul') uninstallKernel(tf.BatchMatMul, 'wasm');
    const row: string[] = [];
    for (const norm of ['deconv', 'batchnorm'] as const)
      row.push(`${norm} ${(await stepMs(norm, batch, backend === 'cpu-conv2d' ? 1 : steps)).toFixed(0)} ms`);
    console.log(`simple-cnn batch ${batch} on ${backend}: ${row.join(', ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
