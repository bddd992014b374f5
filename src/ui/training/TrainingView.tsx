// The training dashboard: deconvolution vs batch norm, side by side (issue 5).
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { DiagnosticsPanel } from './run/DiagnosticsPanel';
import { ExportRunButtons } from './run/ExportRunButtons';
import { HelpOverlay } from './run/HelpOverlay';
import { cyclePanel, keyToAction } from './run/keyMap';
import { CurvesPanel, KernelsPanel, PANEL_ORDER, SparsitySection, type PanelId } from './panels';
import { RunMessages } from './run/RunMessages';
import { StatusBar } from './run/StatusBar';
import { trainingController } from './run/trainingController';
import { TrainingToolbar } from './settings/TrainingToolbar';
import './training.css';

export function TrainingView() {
  const controller = trainingController();
  const run = useStore(controller.run, (s) => s.run);
  const params = useStore(controller.config, (s) => s.params);
  const [lecturePanel, setLecturePanel] = useState<PanelId | null>(null);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    controller.syncFromHash(window.location.hash);
    const onHash = () => controller.syncFromHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => {
      window.removeEventListener('hashchange', onHash);
      // Leaving the tab pauses the run; its curves stay for when the user comes back.
      if (controller.run.getState().run.state === 'running') controller.pause();
    };
  }, [controller]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const action = keyToAction(
        {
          key: event.key,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          altKey: event.altKey,
          targetTag: target?.tagName,
          targetEditable: target?.isContentEditable,
        },
        { lecture: lecturePanel !== null, help },
      );
      if (!action) return;
      event.preventDefault();
      switch (action) {
        case 'toggle-play':
          controller.togglePlay();
          break;
        case 'step':
          controller.step();
          break;
        case 'reset':
          controller.reset();
          break;
        case 'toggle-lecture':
          setLecturePanel((current) => (current === null ? (controller.config.getState().focus ?? 'curves') : null));
          break;
        case 'next-panel':
        case 'previous-panel':
          setLecturePanel((current) => {
            const index = PANEL_ORDER.indexOf(current ?? 'curves');
            return PANEL_ORDER[cyclePanel(index, PANEL_ORDER.length, action === 'next-panel' ? 1 : -1)];
          });
          break;
        case 'escape':
          if (help) setHelp(false);
          else setLecturePanel(null);
          break;
        case 'toggle-help':
          setHelp((open) => !open);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, lecturePanel, help]);

  const lecture = lecturePanel !== null;
  const panelProps = { run, params, lecture };
  const show = (id: PanelId) => lecturePanel === null || lecturePanel === id;

  return (
    <section
      className={lecture ? 'training-view lecture' : 'training-view'}
      aria-label="Training dashboard"
      data-lecture-panel={lecturePanel ?? undefined}
    >
      <TrainingToolbar controller={controller} />
      <StatusBar run={run} />
      <RunMessages controller={controller} />
      <div className="dashboard">
        {show('kernels') && <KernelsPanel {...panelProps} lecture={lecturePanel === 'kernels'} />}
        {show('curves') && <CurvesPanel {...panelProps} lecture={lecturePanel === 'curves'} />}
        {show('sparsity') && <SparsitySection {...panelProps} lecture={lecturePanel === 'sparsity'} />}
      </div>
      {lecture && (
        <p className="lecture-hint" data-testid="lecture-hint">
          Lecture mode: ← → move between panels, Esc leaves, Space plays / pauses.
        </p>
      )}
      <footer className="training-footer">
        <ExportRunButtons run={run} params={params} />
        <button type="button" className="link-button" onClick={() => setLecturePanel('curves')}>
          Lecture mode (F)
        </button>
        <button type="button" className="link-button" onClick={() => setHelp(true)}>
          Keyboard shortcuts (?)
        </button>
        <span className="caption privacy-note">Training runs in this browser; uploaded files never leave your computer.</span>
      </footer>
      <DiagnosticsPanel controller={controller} />
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </section>
  );
}
