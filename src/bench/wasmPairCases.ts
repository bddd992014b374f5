// `step_wasm_vs_other`: the whole training step (batch 32, statistics every step, deconv and BN) of
// each model on wasm vs every other backend of the run, and on the cpu backend vs its set-ups with and
// without our kernels (stepSetups.ts). Both figures of a ratio are measured in the same suite run:
// a row appears as soon as its second figure is, so the order of the backends does not matter.
import * as tf from '@tensorflow/tfjs-core';
import { MODEL_CATALOG, MODEL_NAMES } from '../nn/models/catalog';
import type { ModelName, NormKind } from '../train/protocol';
import type { CaseContext } from './context';
import { atLeast, comparisonRow, ms, skippedRow, type Target } from './rows';
import { skipModel } from './stepCases';
import { benchInputShape, syntheticBatch } from './stepData';
import { stepSetups, type StepSetupSpec } from './stepSetups';
import { everyStepPlan, STEP_BATCH, STEP_SEED, StepTimes, timeVariant, WARMUP_STEPS, type StepRecord } from './stepTiming';
import type { BenchBackend, BenchRow } from './types';

export const WASM_PAIR_GROUP = 'step_wasm_vs_other';
const NORMS: readonly NormKind[] = ['deconv', 'batchnorm'];
/** Issue #11: on simple-cnn, wasm at least 50x faster than the cpu backend with tfjs's own filter gradient. */
const TARGET_MODEL: ModelName = 'simple-cnn';
const TARGET: Target = atLeast(50);

/**
 * Models left out of the default run (all run with `full`): on cpu a vgg-mini deconvolution step took
 * 87 s and a resnet-mini one 199 s on this machine; on the GPU backends the step group's reasons hold.
 */
export function skipPairModel(model: ModelName, backend: BenchBackend, full: boolean): string | undefined {
  if (full || backend === 'wasm' || MODEL_CATALOG[model].cost !== 'large') return undefined;
  if (backend === 'cpu')
    return 'skipped on cpu by default (one vgg-mini deconvolution step took 87 s, one resnet-mini step 199 s here); runs with --full';
  return skipModel(model, backend, full);
}

function normName(norm: NormKind): string {
  return norm === 'deconv' ? 'deconv' : 'BN';
}

function setupOf(record: StepRecord): StepSetupSpec {
  const spec = stepSetups(record.backend).find((s) => s.id === record.setup);
  if (!spec) throw new Error(`no set-up ${record.setup} on ${record.backend}`);
  return spec;
}

/** The row comparing `other` (any backend or set-up but wasm) with wasm: other / wasm. */
export function pairRow(other: StepRecord, wasm: StepRecord): BenchRow {
  const spec = setupOf(other);
  const wasmSpec = setupOf(wasm);
  const { model, norm } = other;
  return comparisonRow({
    group: WASM_PAIR_GROUP,
    label: `${model} batch ${STEP_BATCH}, ${normName(norm)} step: ${spec.name} vs wasm`,
    backend: other.backend,
    a: ms(`${spec.name} step (mean)`, other.timing.meanMs),
    b: ms('wasm step (mean)', wasm.timing.meanMs),
    ratioMeaning: `${spec.name} / wasm: how many times faster WASM is, higher is better`,
    ...(other.setup === 'tfjs-conv2d' && model === TARGET_MODEL ? { target: TARGET } : {}),
    reps: Math.min(other.timing.steps, wasm.timing.steps),
    extra: [ms(`${spec.name} first step`, other.timing.firstMs), ms('wasm first step', wasm.timing.firstMs)],
    note:
      `${spec.name}: ${spec.description}; wasm: ${wasmSpec.description}. Statistics every step (the trainer's default), ` +
      `means of ${other.timing.steps} and ${wasm.timing.steps} steps after ${WARMUP_STEPS} warm-up steps each, same seeded synthetic batch, measured in this run`,
  });
}

/** Rows completed by `current`: wasm pairs with every other record so far, any other with wasm. */
export function completedPairs(times: StepTimes, current: StepRecord): BenchRow[] {
  const records = times.of(current.model, current.norm);
  if (current.backend === 'wasm') return records.filter((r) => r.backend !== 'wasm').map((other) => pairRow(other, current));
  const wasm = records.find((r) => r.backend === 'wasm');
  return wasm ? [pairRow(current, wasm)] : [];
}

/** Measures (or reuses from `times`) each model's steps under each set-up of this backend. */
export async function* wasmPairCases(
  ctx: CaseContext,
  times: StepTimes,
  models: readonly ModelName[] = MODEL_NAMES,
): AsyncGenerator<BenchRow, void, undefined> {
  const plan = everyStepPlan(ctx.options.budgetMsPerCase);
  for (const [index, setup] of stepSetups(ctx.backend).entries()) {
    const where = { backend: ctx.backend, setup: setup.id };
    let leave: (() => Promise<void>) | undefined;
    try {
      for (const model of models) {
        const skip = skipPairModel(model, ctx.backend, ctx.options.full);
        if (skip) {
          if (index === 0)
            yield skippedRow(WASM_PAIR_GROUP, `${model} batch ${STEP_BATCH}, every set-up of ${ctx.backend}`, ctx.backend, skip);
          continue;
        }
        for (const norm of NORMS) {
          let timing = times.get(where, model, norm);
          if (!timing) {
            leave ??= await setup.enter();
            ctx.progress(`${WASM_PAIR_GROUP}: ${model} batch ${STEP_BATCH}, ${normName(norm)} steps (${setup.name})`);
            const data = syntheticBatch(benchInputShape(model), STEP_BATCH, STEP_SEED);
            try {
              timing = await timeVariant(norm, 0, model, data, plan);
            } finally {
              tf.dispose([data.x, data.oneHot]);
            }
            times.add({ ...where, model, norm, timing });
          }
          for (const row of completedPairs(times, { ...where, model, norm, timing })) yield row;
        }
      }
    } finally {
      if (leave) await leave();
    }
  }
}
