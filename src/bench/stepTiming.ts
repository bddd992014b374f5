// Timing whole training steps of one variant (VariantRunner + createModel: the code the trainer
// runs) on the active backend, and the run's record of those timings, which the step groups share:
// `deconv_step_vs_bn_step` compares variants on one backend, `step_wasm_vs_other` compares backends.
import * as tf from '@tensorflow/tfjs-core';
import { createModel, modelSettingsFrom } from '../nn/createModel';
import { blockFor } from '../nn/models/catalog';
import { FREEZE_REFRESH_EVERY } from '../nn/whitening';
import { DEFAULT_TRAIN_CONFIG } from '../train/defaults';
import type { ModelName, NormKind } from '../train/protocol';
import { VariantRunner } from '../train/variantRunner';
import { benchInputShape, CLASSES, syntheticBatch, type SyntheticBatch } from './stepData';
import type { BenchBackend } from './types';

export const STEP_SEED = 1;
export const STEP_BATCH = 32;
/** Compiles the batch-statistics path (step 0) and the frozen path (step 1). */
export const WARMUP_STEPS = 2;
/** Images the deconvolution input layer takes its fixed statistics from (the trainer uses 1024). */
const INPUT_SAMPLE = 256;

export interface VariantTiming {
  meanMs: number;
  steps: number;
  firstMs: number;
  peakBytes?: number;
}

export interface StepPlan {
  steps: number;
  /** Stop before `steps` once this many ms are spent (at least one step is measured). */
  budgetMs: number;
  profile: boolean;
}

/** The plan of the "statistics every step" regime: up to one refresh cycle, stopping on the budget. */
export function everyStepPlan(budgetMs: number, profile = false): StepPlan {
  return { steps: FREEZE_REFRESH_EVERY, budgetMs, profile };
}

/** Times `model`'s steps with the deconvolution settings the app defaults to (the model's own block unless `block` is given). */
export async function timeVariant(
  norm: NormKind,
  freezeIters: number,
  model: ModelName,
  data: SyntheticBatch,
  plan: StepPlan,
  block = blockFor(model),
): Promise<VariantTiming> {
  const shape = benchInputShape(model);
  const settings = modelSettingsFrom({ ...DEFAULT_TRAIN_CONFIG.deconv, freezeIters, block });
  const cfg = DEFAULT_TRAIN_CONFIG;
  const baseline = tf.memory().numBytes;
  const runner = new VariantRunner(createModel(model, norm, shape, CLASSES, settings, STEP_SEED), {
    kind: cfg.optimizer,
    momentum: cfg.momentum,
    weightDecay: cfg.weightDecay,
  });
  try {
    if (norm === 'deconv') {
      const sample = syntheticBatch(shape, INPUT_SAMPLE, STEP_SEED + 1);
      runner.model.prepareInputStatistics(sample.x);
      tf.dispose([sample.x, sample.oneHot]);
    }
    let firstMs = 0;
    for (let i = 0; i < WARMUP_STEPS; i += 1) {
      const { ms: stepMs } = await runner.step(data.x, data.oneHot, cfg.lr);
      if (i === 0) firstMs = stepMs;
    }
    let total = 0;
    let steps = 0;
    while (steps < plan.steps && (steps === 0 || total < plan.budgetMs)) {
      total += (await runner.step(data.x, data.oneHot, cfg.lr)).ms;
      steps += 1;
    }
    const timing: VariantTiming = { meanMs: total / steps, steps, firstMs };
    if (plan.profile) {
      // Peak of tf.memory().numBytes during one more step, above what was allocated before the model existed.
      const info = await tf.profile(async () => {
        await runner.step(data.x, data.oneHot, cfg.lr);
      });
      timing.peakBytes = info.peakBytes - baseline;
    }
    return timing;
  } finally {
    runner.dispose();
  }
}

/** Where a step was timed: a backend, and which of its set-ups ('app' = as the app runs it). */
export interface StepSetup {
  backend: BenchBackend;
  setup: string;
}

export interface StepRecord extends StepSetup {
  model: ModelName;
  norm: NormKind;
  timing: VariantTiming;
}

/**
 * "Statistics every step" timings of this suite run (batch 32, `everyStepPlan`), in the order
 * measured: a group reuses what another measured on the same backend and set-up, and compares
 * backends measured earlier in the run.
 */
export class StepTimes {
  private readonly records: StepRecord[] = [];

  get(where: StepSetup, model: ModelName, norm: NormKind): VariantTiming | undefined {
    return this.records.find((r) => r.backend === where.backend && r.setup === where.setup && r.model === model && r.norm === norm)?.timing;
  }

  add(record: StepRecord): void {
    if (!this.get(record, record.model, record.norm)) this.records.push(record);
  }

  /** Every record of `model` and `norm`, in the order measured. */
  of(model: ModelName, norm: NormKind): StepRecord[] {
    return this.records.filter((r) => r.model === model && r.norm === norm);
  }
}
