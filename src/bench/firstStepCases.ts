// The first training step of the app's default run (simple-cnn, deconvolution + batch norm) on
// WebGPU, as the Training tab's start-up runs it: every pipeline of the step compiled ahead in
// compile-only mode (in parallel, platform/compileWarmup.ts), then the real first step. Pipelines
// are cached per page: the figure means "from cold" only when no WebGPU case ran before it. Then,
// side by side in the same page, a steady step with tfjs's own webgpu kernels in place of ours
// (src/kernels/register.ts: the direct convolution of few channels and the per-channel add/sub/mul).
import { registerFastKernels } from '../kernels/register';
import { compileAhead } from '../platform/compileWarmup';
import { DEFAULT_TRAIN_CONFIG } from '../train/defaults';
import { syntheticDataset } from '../train/testing';
import { Trainer } from '../train/trainer';
import type { CaseContext } from './context';
import { ms, skippedRow } from './rows';
import { unregisterOurKernels } from './stepSetups';
import type { BenchRow } from './types';

export const FIRST_STEP_GROUP = 'first_step_webgpu_simple_cnn';
/** Issue #13: the first step on a software adapter within 20 s. */
const TARGET_MS = 20_000;
const LABEL = `simple-cnn batch ${DEFAULT_TRAIN_CONFIG.batchSize}, deconvolution + batch norm (the default run), 28x28 synthetic images`;

/** One step with tfjs's own webgpu kernels (after one that compiles their pipelines); ours are put back after. */
async function steadyStepWithTfjsKernels(trainer: Trainer): Promise<number> {
  const removed = unregisterOurKernels('webgpu');
  try {
    await trainer.trainStep();
    const start = performance.now();
    await trainer.trainStep();
    return performance.now() - start;
  } finally {
    if (removed.length > 0) registerFastKernels('webgpu');
  }
}

export async function* firstStepCases(ctx: CaseContext): AsyncGenerator<BenchRow, void, undefined> {
  const images = 2 * DEFAULT_TRAIN_CONFIG.batchSize;
  const trainer = new Trainer({ ...DEFAULT_TRAIN_CONFIG, epochs: 3, evalEvery: 1000, evalSize: 64 }, syntheticDataset(images, 64, 28), {
    inputStatisticsSample: images,
  });
  try {
    const checkpoint = await trainer.checkpoint();
    const compileStart = performance.now();
    const pipelines = await compileAhead(trainer.compilePasses(), ({ done, total }) => ctx.progress(`compiling kernels ${done}/${total}`));
    const compileMs = performance.now() - compileStart;
    if (pipelines === null) {
      yield skippedRow(FIRST_STEP_GROUP, LABEL, ctx.backend, `${ctx.backend} cannot compile ahead (WebGPU only)`);
      return;
    }
    trainer.restore(checkpoint);
    const stepStart = performance.now();
    await trainer.trainStep();
    const firstMs = performance.now() - stepStart;
    const secondStart = performance.now();
    await trainer.trainStep();
    const secondMs = performance.now() - secondStart;
    const tfjsKernelsMs = await steadyStepWithTfjsKernels(trainer);
    const total = compileMs + firstMs;
    yield {
      group: FIRST_STEP_GROUP,
      label: LABEL,
      backend: ctx.backend,
      values: [
        ms('compile ahead', compileMs),
        ms('first step', firstMs),
        ms('compile + first step', total),
        ms('second step', secondMs),
        ms("steady step with tfjs's own kernels", tfjsKernelsMs),
      ],
      target: `compile + first step <= ${TARGET_MS / 1000} s`,
      met: total <= TARGET_MS,
      reps: 1,
      note:
        `${pipelines} pipelines compiled in parallel; measured once; from cold only as the first WebGPU case of the page (run the group alone). ` +
        `Our webgpu kernels vs tfjs's own: second step / steady step with tfjs's kernels = ${(secondMs / tfjsKernelsMs).toFixed(2)}x`,
    };
  } finally {
    trainer.dispose();
  }
}
