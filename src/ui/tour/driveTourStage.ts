// Puts the views into the state a tour step describes, through their stores (the tour's hash is
// `#/tour?...`, so the views' own hash links stay untouched). Settings already in place are left
// alone, so a lecturer's own changes (a dragged slider, a running race) survive a step that does
// not need them changed.
import { matchingPreset } from '../../state/presets';
import type { TrainingStage, WhiteningStage } from '../../state/tour';
import { configStore } from '../../state/trainingStore';
import { useWhiteningStore } from '../../state/whiteningStore';

export interface SampleRef {
  file: string;
  title: string;
  url: string;
}

/** Loads the step's photo (if another is shown) and sets its kernel size and iterations. */
export function driveWhitening(stage: WhiteningStage, sample: SampleRef | undefined): void {
  const store = useWhiteningStore.getState();
  const wanted = { kernel: stage.kernel, iters: stage.iters };
  const settingsDiffer = store.settings.kernel !== wanted.kernel || store.settings.iters !== wanted.iters;
  if (sample && (store.sample !== sample.file || store.requestedId === 0)) {
    // One job: the new photo with the step's settings (setSettings would first re-whiten the old one).
    if (settingsDiffer) useWhiteningStore.setState({ settings: { ...store.settings, ...wanted } });
    useWhiteningStore.getState().load({ kind: 'url', url: sample.url, name: sample.title }, sample.file);
  } else if (settingsDiffer) {
    store.setSettings(wanted);
  }
}

/** Applies the step's training preset unless the settings already match it. */
export function driveTraining(stage: TrainingStage): void {
  const config = configStore.getState();
  if (matchingPreset(config.params)?.id === stage.preset) return;
  config.applyPreset(stage.preset);
}
