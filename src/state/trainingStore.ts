// The dashboard's zustand stores: configuration (mirrors the URL hash) and the run model.
import { createStore } from 'zustand/vanilla';
import { findPreset, presetParams, type PanelFocus } from './presets';
import { initialRun, reduceRun, type RunAction, type RunModel } from './trainingRun';
import { parseQuery } from './urlHash';
import { defaultParams, type TrainingParams } from './urlHashSchema';

export interface ConfigState {
  params: TrainingParams;
  /** Problems found in the URL hash; shown once, dismissible. */
  hashNotices: string[];
  /** Message shown after a change that restarted the run. */
  restartNotice?: string;
  presetId?: string;
  focus?: PanelFocus;
  setParams(patch: Partial<TrainingParams>): void;
  loadQuery(query: string): void;
  applyPreset(id: string): void;
  setRestartNotice(message?: string): void;
  dismissHashNotices(): void;
}

export function createConfigStore(initial: TrainingParams = defaultParams()) {
  return createStore<ConfigState>()((set) => ({
    params: initial,
    hashNotices: [],
    setParams: (patch) => set((state) => ({ params: { ...state.params, ...patch }, presetId: undefined })),
    loadQuery: (query) => {
      const { params, notices } = parseQuery(query);
      set({ params, hashNotices: notices });
    },
    applyPreset: (id) => {
      const preset = findPreset(id);
      if (!preset || preset.kind !== 'training') return;
      set((state) => ({
        params: presetParams(preset, { hz: state.params.hz, backend: state.params.backend }),
        presetId: id,
        focus: preset.focus,
      }));
    },
    setRestartNotice: (message) => set({ restartNotice: message }),
    dismissHashNotices: () => set({ hashNotices: [] }),
  }));
}

export interface RunStoreState {
  run: RunModel;
  dispatch(action: RunAction): void;
}

export function createRunStore() {
  return createStore<RunStoreState>()((set) => ({
    run: initialRun(),
    dispatch: (action) => set((state) => ({ run: reduceRun(state.run, action) })),
  }));
}

export type ConfigStore = ReturnType<typeof createConfigStore>;
export type RunStore = ReturnType<typeof createRunStore>;

/** The app-wide instances the dashboard uses. */
export const configStore = createConfigStore();
export const runStore = createRunStore();
