// The Training tab's settings as the address and the inputs see them. The table itself lives in
// train/trainingSettings.ts (the CLI reads it too); this module names it for the UI and state.
import { settingNames, type EnumField, type ListField, type NumberField, type SettingsTable } from '../core/settingsTable';
import { defaultTrainingParams, LIVE_SETTINGS, TRAINING_SETTINGS, type TrainingParams } from '../train/trainingSettings';

export type { BackendChoice, TrainingParams } from '../train/trainingSettings';
export { NORM_KINDS } from '../train/trainingSettings';
export type { EnumField, ListField, NumberField };

export type Schema = SettingsTable<TrainingParams>;

export const TRAINING_SCHEMA: Schema = TRAINING_SETTINGS;

export const PARAM_KEYS = settingNames(TRAINING_SCHEMA);

/** Settings that do not change what is trained: they may change while a run is in progress. */
export const LIVE_KEYS: ReadonlySet<keyof TrainingParams> = LIVE_SETTINGS;

export function defaultParams(): TrainingParams {
  return defaultTrainingParams();
}
