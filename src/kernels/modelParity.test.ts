// Every model in every variant trained 20 steps on wasm (XNNPACK + our kernels) against the cpu backend:
// same seeded weights, same batches, same SGD (momentum 0.9, lr 0.05, weight decay 1e-3). Tolerance:
// |loss difference| <= 1e-4 at every step. Tiny images (8x8x3) and batches (8).
//
// Why block 4 (not the default 64, nor 8): at 8x8 input the deepest vgg-mini / resnet-mini layers see
// 2x2 maps, so with block 8 a layer whitens 72-dim patches from 64 samples: the covariance is singular
// up to eps (1e-5). The cpu backend's BatchMatMul accumulates in float64 (JS numbers), XNNPACK in
// float32, and through that near-singular D the vgg-mini/deconv trajectories separate by 0.19 at step 5
// (measured; a cpu BatchMatMul that accumulates in float32 reproduces wasm's trajectory within 2e-4).
// With block 4 the statistics are full rank and vgg-mini/deconv matches within 4e-5.
//
// resnet-mini/deconv still separates when free-running (measured 2e-2 to 5e-2 after step 8 with block 4)
// although its step-1 gradients agree within 2e-5 relative: its deconv layers on 4x4 and 2x2 maps with
// stride-2 sampling amplify float32 differences from step to step. It is checked teacher-forced instead:
// before every step the wasm model gets the cpu model's exact state (weights, running statistics,
// momentum), so each step's loss is compared from identical inputs, again within 1e-4.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createModel, MODEL_NAMES } from '../nn/createModel';
import { createRng } from '../nn/random';
import type { ModelSettings } from '../nn/units';
import { readVariables, writeVariables } from '../train/checkpoint';
import type { ModelName, NormKind } from '../train/protocol';
import { VariantRunner } from '../train/variantRunner';
import { registerFastKernels } from './register';
import { useCpu, useWasm } from './testing/backends';

const SHAPE: [number, number, number] = [8, 8, 3];
const CLASSES = 4;
const BATCH = 8;
const STEPS = 20;
const LR = 0.05;
const TOLERANCE = 1e-4;
const NORMS: NormKind[] = ['deconv', 'batchnorm', 'none'];
const TEACHER_FORCED = new Set(['resnet-mini/deconv']);
// As the CLI trains (sampling stride 3, 5 iterations, eps 1e-5, pooled blocks), with block 4 (see above).
const SETTINGS: ModelSettings = {
  deconv: { block: 4, iters: 5, eps: 1e-5, samplingStride: 3, freezeIters: 0, blockMode: 'pooled', momentum: 0.1 },
  inputIters: 15,
};

/** Batch `seed`: class c brightens quadrant c of every channel, plus noise. */
function batchValues(seed: number): { x: Float32Array; labels: number[] } {
  const rng = createRng(seed);
  const [h, w, c] = SHAPE;
  const x = new Float32Array(BATCH * h * w * c);
  const labels = Array.from({ length: BATCH }, (_, i) => (i + seed) % CLASSES);
  labels.forEach((label, n) => {
    for (let y = 0; y < h; y += 1)
      for (let xx = 0; xx < w; xx += 1)
        for (let ch = 0; ch < c; ch += 1) {
          const quadrant = (y < h / 2 ? 0 : 2) + (xx < w / 2 ? 0 : 1);
          x[((n * h + y) * w + xx) * c + ch] = (quadrant === label ? 0.6 : 0.2) + 0.3 * rng();
        }
  });
  return { x, labels };
}

const BATCHES = [1, 2, 3, 4].map(batchValues);

/** A runner and its batches on the active backend, input statistics fixed from all batches. */
function setup(name: ModelName, norm: NormKind) {
  const model = createModel(name, norm, SHAPE, CLASSES, SETTINGS, 1);
  const runner = new VariantRunner(model, { kind: 'sgd', momentum: 0.9, weightDecay: 1e-3 });
  const batches = BATCHES.map((b) => ({
    x: tf.tensor4d(b.x, [BATCH, ...SHAPE]),
    oneHot: tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(b.labels, 'int32'), CLASSES), 'float32')) as tf.Tensor2D,
  }));
  const sample = tf.concat(batches.map((t) => t.x)) as tf.Tensor4D;
  model.prepareInputStatistics(sample);
  sample.dispose();
  const step = async (i: number): Promise<number> =>
    (await runner.step(batches[i % batches.length].x, batches[i % batches.length].oneHot, LR)).loss;
  const dispose = (): void => {
    for (const b of batches) tf.dispose([b.x, b.oneHot]);
    runner.dispose();
  };
  return { runner, step, dispose };
}

async function freeRunning(name: ModelName, norm: NormKind): Promise<number[]> {
  const s = setup(name, norm);
  const losses: number[] = [];
  for (let i = 0; i < STEPS; i += 1) losses.push(await s.step(i));
  s.dispose();
  return losses;
}

/** [cpu loss, wasm loss] of every step, the wasm model set to the cpu model's state before each. */
async function teacherForced(name: ModelName, norm: NormKind): Promise<[number, number][]> {
  await useWasm();
  const wasm = setup(name, norm);
  await useCpu();
  const cpu = setup(name, norm);
  const out: [number, number][] = [];
  for (let i = 0; i < STEPS; i += 1) {
    await useCpu();
    const state = await readVariables(cpu.runner.checkpointVariables());
    const count = cpu.runner.optimizer.stepCount;
    const lossCpu = await cpu.step(i);
    await useWasm();
    writeVariables(wasm.runner.checkpointVariables(), state, `${name}/${norm}`);
    wasm.runner.optimizer.stepCount = count;
    out.push([lossCpu, await wasm.step(i)]);
  }
  wasm.dispose();
  await useCpu();
  cpu.dispose();
  return out;
}

describe('training on wasm matches the cpu backend', () => {
  afterAll(useCpu);

  for (const name of MODEL_NAMES) {
    for (const norm of NORMS) {
      const forced = TEACHER_FORCED.has(`${name}/${norm}`);
      it(`${name} / ${norm}: ${STEPS} losses within ${TOLERANCE}${forced ? ' (teacher-forced)' : ''}`, async () => {
        await useCpu();
        registerFastKernels('cpu'); // UnsortedSegmentSum: bit-identical to tfjs's cpu kernel, only faster
        let pairs: [number, number][];
        if (forced) pairs = await teacherForced(name, norm);
        else {
          const cpu = await freeRunning(name, norm);
          await useWasm();
          const wasm = await freeRunning(name, norm);
          await useCpu();
          pairs = cpu.map((l, i) => [l, wasm[i]]);
        }
        const diffs = pairs.map(([a, b]) => Math.abs(a - b));
        const worst = Math.max(...diffs);
        console.log(
          `${name} / ${norm}: max |loss difference| ${worst.toExponential(2)} (step ${diffs.indexOf(worst) + 1}); cpu loss ${pairs[0][0].toFixed(4)} -> ${pairs[STEPS - 1][0].toFixed(4)}`,
        );
        expect(pairs.flat().every(Number.isFinite)).toBe(true);
        expect(worst).toBeLessThanOrEqual(TOLERANCE);
      });
    }
  }
});
