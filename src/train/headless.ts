// Runs a Trainer to the end (or until asked to stop) without a UI (CLI, reproduction script) and
// returns the run record: a stopped run keeps every step it finished, marked `complete: false`.
import type { Dataset } from '../data/dataset';
import type { ModelName, NormKind, TrainConfig } from './protocol';
import { Trainer, type DivergenceEvent } from './trainer';

export interface VariantRecord {
  norm: NormKind;
  model: ModelName;
  params: number;
  steps: { step: number; loss: number }[];
  test: { step: number; accuracy: number }[];
  /** Mean ms per step, excluding the first (warm-up) step when there are more. */
  msPerStep: number;
  diverged: boolean;
}

export interface RunRecord {
  config: TrainConfig & { trainImages: number; testImages: number; backend: string };
  /** False when the run was stopped before its last step. */
  complete: boolean;
  /** Lock-step steps finished, of `totalSteps`. */
  stepsDone: number;
  totalSteps: number;
  variants: VariantRecord[];
}

export interface HeadlessOptions {
  onProgress?: (step: number, total: number, trainer: Trainer) => void;
  onDiverged?: (event: DivergenceEvent) => void;
  backend?: string;
  /** Checked after every step (the event loop gets a turn first, so signal handlers can run). */
  shouldStop?: () => boolean;
}

export async function runHeadless(config: TrainConfig, dataset: Dataset, options: HeadlessOptions = {}): Promise<RunRecord> {
  const trainer = new Trainer(config, dataset, { onDiverged: options.onDiverged, snapshotHz: 1, detailEveryMs: Infinity });
  try {
    while (!trainer.finished) {
      await trainer.trainStep();
      options.onProgress?.(trainer.step, trainer.totalSteps, trainer);
      if (options.shouldStop) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (!trainer.finished && options.shouldStop()) break;
      }
    }
    const variants = trainer.histories().map((h): VariantRecord => {
      const timed = h.ms.length > 1 ? h.ms.slice(1) : h.ms;
      return {
        norm: h.norm,
        model: config.model,
        params: h.params,
        steps: h.steps,
        test: h.test,
        msPerStep: timed.length ? timed.reduce((a, b) => a + b, 0) / timed.length : 0,
        diverged: h.diverged,
      };
    });
    return {
      config: {
        ...config,
        trainImages: dataset.train.count,
        testImages: Math.min(config.evalSize, dataset.test.count),
        backend: options.backend ?? 'cpu',
      },
      complete: trainer.finished,
      stepsDone: trainer.step,
      totalSteps: trainer.totalSteps,
      variants,
    };
  } finally {
    trainer.dispose();
  }
}
