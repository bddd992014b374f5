// Maps the URL-level TrainingParams onto the trainer's TrainConfig.
import type { BackendName } from '../platform/backend';
import type { TrainConfig } from '../train/protocol';
import type { TrainingParams } from './urlHashSchema';

export function toTrainConfig(params: TrainingParams): TrainConfig {
  return {
    dataset: params.dataset,
    model: params.model,
    norms: [...params.norms],
    optimizer: params.optimizer,
    lr: params.lr,
    momentum: params.momentum,
    weightDecay: params.weightDecay,
    schedule: params.schedule,
    batchSize: params.batch,
    epochs: params.epochs,
    seed: params.seed,
    evalEvery: params.evalEvery,
    evalSize: params.evalSize,
    deconv: {
      block: params.block,
      iters: params.iters,
      inputIters: params.inputIters,
      eps: params.eps,
      samplingStride: params.stride,
      freezeIters: params.freeze,
      blockMode: params.blockMode,
    },
  };
}

export function forcedBackend(params: TrainingParams): BackendName | undefined {
  return params.backend === 'auto' ? undefined : params.backend;
}

/** Keys whose change requires a new run (everything except the live ones). */
export function changedRunKeys(a: TrainingParams, b: TrainingParams, live: ReadonlySet<keyof TrainingParams>): (keyof TrainingParams)[] {
  return (Object.keys(a) as (keyof TrainingParams)[]).filter(
    (key) => !live.has(key) && String(a[key]) !== String(b[key]),
  );
}
