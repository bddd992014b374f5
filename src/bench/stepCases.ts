// A whole training step (VariantRunner + createModel: the code the trainer runs) of every model,
// deconvolution vs batch norm, same seed and synthetic batch; plus the peak tensor memory of a step.
import * as tf from '@tensorflow/tfjs-core';
import { blockFor, MODEL_CATALOG, MODEL_NAMES, PAPER_BLOCK } from '../nn/models/catalog';
import { FREEZE_REFRESH_EVERY } from '../nn/whitening';
import type { ModelName } from '../train/protocol';
import type { CaseContext } from './context';
import { atMost, comparisonRow, mb, ms, skippedRow } from './rows';
import { benchInputShape, syntheticBatch } from './stepData';
import { everyStepPlan, STEP_BATCH as BATCH, STEP_SEED as SEED, StepTimes, timeVariant, WARMUP_STEPS } from './stepTiming';
import type { BenchBackend, BenchRow } from './types';

export const STEP_GROUPS = { time: 'deconv_step_vs_bn_step', memory: 'peak_memory' } as const;
/** Frozen regime: freezing after step 1, the measured steps WARMUP..WARMUP+9 hold exactly one refresh. */
const FREEZE_AFTER = 1;

interface Regime {
  name: string;
  freezeIters: number;
  /** Every measured step costs the same: stop early once the case's time budget is spent. */
  stopOnBudget: boolean;
  /** Block size, when not the model's default. */
  block?: number;
}

/**
 * The regimes a model's deconvolution step is timed in. A model whose default block is not the
 * paper's is also timed at the paper's block: the before and after of its default in one run.
 */
export function regimes(model: ModelName): Regime[] {
  const own = blockFor(model);
  const paper: Regime[] =
    own === PAPER_BLOCK
      ? []
      : [
          {
            name: `statistics every step, block ${PAPER_BLOCK} (the default before ${own})`,
            freezeIters: 0,
            stopOnBudget: true,
            block: PAPER_BLOCK,
          },
        ];
  return [
    {
      name: own === PAPER_BLOCK ? 'statistics every step' : `statistics every step, block ${own} (model default)`,
      freezeIters: 0,
      stopOnBudget: true,
    },
    ...paper,
    // A refresh cycle must be measured whole, so this regime always runs its 10 steps.
    {
      name: `frozen after step ${FREEZE_AFTER}, steady state (1 refresh in ${FREEZE_REFRESH_EVERY} steps)`,
      freezeIters: FREEZE_AFTER,
      stopOnBudget: false,
    },
  ];
}

/**
 * Models left out of the default run, with the reason (all run with `full`). Measured here: a
 * simple-cnn step takes about 10 s on the cpu backend under load, and one vgg-mini deconvolution
 * step did not finish within 15 minutes on SwiftShader WebGPU (its 64-channel layers whiten
 * 576 x 576 patch covariances). On wasm every model runs (a vgg-mini deconvolution step is about
 * 2 s, resnet-mini about 3 s on this machine).
 */
export function skipModel(model: ModelName, backend: BenchBackend, full: boolean): string | undefined {
  if (full || backend === 'wasm') return undefined;
  const { cost } = MODEL_CATALOG[model];
  if (backend === 'cpu' && cost !== 'tiny') return 'skipped on cpu by default (about 10 s per step and more); runs with --full';
  if (cost === 'large') {
    return 'skipped by default: 64-channel layers whiten 576 x 576 covariances, many minutes per step on a software adapter; runs with --full';
  }
  return undefined;
}

/**
 * Rows of the requested step groups (`wanted`). With time rows, the "statistics every step" timings
 * go into `times` (as the app runs on this backend), where `step_wasm_vs_other` finds them.
 */
export async function* stepCases(
  ctx: CaseContext,
  wanted: ReadonlySet<string>,
  times = new StepTimes(),
): AsyncGenerator<BenchRow, void, undefined> {
  const timeRows = wanted.has(STEP_GROUPS.time);
  const memoryRows = wanted.has(STEP_GROUPS.memory);
  const budgetMs = ctx.options.budgetMsPerCase;
  const where = { backend: ctx.backend, setup: 'app' };
  for (const model of MODEL_NAMES) {
    const skip = skipModel(model, ctx.backend, ctx.options.full);
    if (skip) {
      if (timeRows)
        for (const regime of regimes(model))
          yield skippedRow(STEP_GROUPS.time, `${model} batch ${BATCH}, ${regime.name}`, ctx.backend, skip);
      if (memoryRows) yield skippedRow(STEP_GROUPS.memory, `${model} batch ${BATCH}, one training step`, ctx.backend, skip);
      continue;
    }
    const data = syntheticBatch(benchInputShape(model), BATCH, SEED);
    try {
      ctx.progress(`${model} batch ${BATCH}: batch norm steps`);
      const bn = await timeVariant(
        'batchnorm',
        0,
        model,
        data,
        timeRows ? everyStepPlan(budgetMs, memoryRows) : { steps: 1, budgetMs, profile: memoryRows },
      );
      if (timeRows) times.add({ ...where, model, norm: 'batchnorm', timing: bn });
      for (const [index, regime] of regimes(model).entries()) {
        if (!timeRows && index > 0) break;
        ctx.progress(`${model} batch ${BATCH}: deconvolution steps, ${regime.name}`);
        const steps = timeRows ? FREEZE_REFRESH_EVERY : 1;
        const deconv = await timeVariant(
          'deconv',
          regime.freezeIters,
          model,
          data,
          { steps, budgetMs: regime.stopOnBudget ? budgetMs : Infinity, profile: memoryRows && index === 0 },
          regime.block,
        );
        if (timeRows && index === 0) times.add({ ...where, model, norm: 'deconv', timing: deconv });
        if (timeRows) {
          yield comparisonRow({
            group: STEP_GROUPS.time,
            label: `${model} batch ${BATCH}, ${regime.name}`,
            backend: ctx.backend,
            a: ms('deconv step (mean)', deconv.meanMs),
            b: ms('BN step (mean)', bn.meanMs),
            ratioMeaning: 'deconv / BN, lower is better',
            target: atMost(1.5),
            reps: Math.min(deconv.steps, bn.steps),
            extra: [ms('deconv first step (compiles)', deconv.firstMs), ms('BN first step (compiles)', bn.firstMs)],
            note: `means of ${deconv.steps} deconv and ${bn.steps} BN steps after ${WARMUP_STEPS} warm-up steps each; synthetic seeded batch, SGD as the trainer's defaults`,
          });
        }
        if (memoryRows && index === 0 && deconv.peakBytes !== undefined && bn.peakBytes !== undefined) {
          yield comparisonRow({
            group: STEP_GROUPS.memory,
            label: `${model} batch ${BATCH}, one training step (statistics every step)`,
            backend: ctx.backend,
            a: mb('deconv peak', deconv.peakBytes),
            b: mb('BN peak', bn.peakBytes),
            ratioMeaning: 'deconv / BN, lower is better',
            reps: 1,
            note: "peak tf.memory().numBytes during one step (tf.profile), above the memory in use before the model was built: weights, optimiser state, running statistics and the step's intermediates; the batch itself excluded",
          });
        }
      }
    } finally {
      tf.dispose([data.x, data.oneHot]);
    }
  }
}
