// The default training configuration: the training settings table's defaults, as a TrainConfig.
import type { TrainConfig } from './protocol';
import { defaultTrainingParams, toTrainConfig } from './trainingSettings';

export const DEFAULT_TRAIN_CONFIG: TrainConfig = toTrainConfig(defaultTrainingParams());
