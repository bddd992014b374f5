// One reproduction run: both variants (or the ablated deconvolution MLP alone) trained in lock-step
// on the training images minus the validation split, same seeded weights and batches; SGD with
// momentum 0.9, cosine annealing per step, evaluation after the last step on the validation split
// (picks the lr) and on the whole shipped test split (reported).
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset } from '../../src/data/dataset';
import { BatchSource, gatherImages, imageShape, testBatches } from '../../src/train/batches';
import type { NormKind } from '../../src/train/protocol';
import { learningRate } from '../../src/train/schedule';
import { VariantRunner } from '../../src/train/variantRunner';
import { ablationNorm } from './ablations';
import { buildModel } from './models';
import { inputWhitening, probeLayers } from './probes';
import { carveValidation } from './split';
import type { RunResult, RunSpec, VariantResult } from './types';
import { PLANS } from './models';

export const VALIDATION_IMAGES = 1000;
export const PROBE_IMAGES = 64;
/** Training images the input layer's statistics are fixed from (as the app's trainer does). */
export const INPUT_STATISTICS_SAMPLE = 1024;
const PROBES_PER_RUN = 12;

export interface RunHooks {
  backend: string;
  shouldStop: () => boolean;
  onProgress?: (step: number, total: number) => void;
  /** Smaller splits and batches than the protocol's, for tests only. */
  sizes?: { validationImages: number; batchSize: number };
}

async function accuracy(runner: VariantRunner, batches: { x: tf.Tensor4D; labels: tf.Tensor1D }[], batchStats: boolean): Promise<number> {
  let correct = 0;
  let total = 0;
  for (const b of batches) {
    if (batchStats) {
      const hits = tf.tidy(() => tf.sum(tf.cast(tf.equal(tf.argMax(runner.model.forward(b.x, { training: true }), 1), b.labels), 'int32')));
      correct += (await hits.data())[0];
      hits.dispose();
    } else {
      correct += await runner.correct(b.x, b.labels);
    }
    total += b.labels.shape[0];
  }
  return total > 0 ? correct / total : NaN;
}

/** Steps at which activations are probed: 0, about PROBES_PER_RUN evenly spaced, and the last. */
export function probeSteps(total: number): Set<number> {
  const every = Math.max(1, Math.ceil(total / PROBES_PER_RUN));
  const steps = new Set<number>([0, total]);
  for (let s = every; s < total; s += every) steps.add(s);
  return steps;
}

export async function runOne(spec: RunSpec, dataset: Dataset, hooks: RunHooks): Promise<RunResult> {
  const started = Date.now();
  const batchSize = hooks.sizes?.batchSize ?? PLANS[spec.model].batchSize;
  const { fit } = carveValidation(dataset, hooks.sizes?.validationImages ?? VALIDATION_IMAGES);
  const norms: NormKind[] = spec.ablation === 'main' ? ['batchnorm', 'deconv'] : [ablationNorm(spec.ablation)];
  const source = new BatchSource(fit, batchSize, spec.seed);
  const total = source.stepsPerEpoch * spec.epochs;
  const shape = imageShape(fit);
  const built = norms.map((norm) => ({ norm, ...buildModel(spec, norm, shape, fit.classes.length) }));
  const variants = built.map((b) => ({
    b,
    runner: new VariantRunner(b.model, { kind: 'sgd', momentum: 0.9, weightDecay: b.weightDecay }),
    result: {
      norm: b.norm,
      params: b.model.paramCount(),
      losses: [],
      msPerStep: 0,
      diverged: false,
      validationAccuracy: NaN,
      testAccuracy: NaN,
      testAccuracyBatchStats: NaN,
      probes: [],
    } as VariantResult,
    ms: [] as number[],
  }));
  const probeIdx = Int32Array.from({ length: Math.min(PROBE_IMAGES, fit.test.count) }, (_, i) => i);
  const probe = gatherImages(fit, fit.test, probeIdx).x;
  const validation = testBatches(fit, fit.test.count);
  const test = testBatches(dataset, dataset.test.count);
  let whitening: RunResult['inputWhitening'];
  let done = 0;
  try {
    const sample = source.sample(INPUT_STATISTICS_SAMPLE);
    for (const v of variants) if (v.b.inputFromData) v.runner.model.prepareInputStatistics(sample);
    const deconv = variants.find((v) => v.b.norm === 'deconv');
    if (deconv && (spec.ablation === 'main' || spec.ablation === 'base'))
      whitening = await inputWhitening(spec.model, deconv.b.inputSettings, sample, probe);
    sample.dispose();
    const probeAt = probeSteps(total);
    for (let step = 0; step < total; step += 1) {
      if (probeAt.has(step))
        for (const v of variants) if (!v.result.diverged) v.result.probes.push({ step, layers: await probeLayers(v.runner.model, probe) });
      const lr = learningRate('cosine', spec.lr, step, total);
      const batch = source.batch(step);
      try {
        for (const v of variants) {
          if (v.result.diverged) {
            v.result.losses.push(null);
            continue;
          }
          const r = await v.runner.step(batch.x, batch.oneHot, lr);
          v.ms.push(r.ms);
          v.result.diverged = r.diverged;
          v.result.losses.push(r.diverged ? null : r.loss);
        }
      } finally {
        tf.dispose([batch.x, batch.oneHot]);
      }
      done = step + 1;
      hooks.onProgress?.(done, total);
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (done < total && hooks.shouldStop()) break;
    }
    const complete = done >= total;
    for (const v of variants) {
      const timed = v.ms.length > 1 ? v.ms.slice(1) : v.ms;
      v.result.msPerStep = timed.length ? timed.reduce((a, b) => a + b, 0) / timed.length : 0;
      if (!complete || v.result.diverged) continue;
      v.result.probes.push({ step: total, layers: await probeLayers(v.runner.model, probe) });
      v.result.validationAccuracy = await accuracy(v.runner, validation, false);
      v.result.testAccuracy = await accuracy(v.runner, test, false);
      // Last: training-mode passes update running statistics, which nothing reads afterwards.
      v.result.testAccuracyBatchStats = await accuracy(v.runner, test, true);
    }
    return {
      ...spec,
      batchSize,
      trainImages: fit.train.count,
      validationImages: fit.test.count,
      testImages: dataset.test.count,
      backend: hooks.backend,
      complete,
      stepsDone: done,
      totalSteps: total,
      seconds: (Date.now() - started) / 1000,
      ...(whitening ? { inputWhitening: whitening } : {}),
      variants: variants.map((v) => v.result),
    };
  } finally {
    for (const v of variants) v.runner.dispose();
    probe.dispose();
    for (const t of [...validation, ...test]) tf.dispose([t.x, t.labels]);
  }
}
