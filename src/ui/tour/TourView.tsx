// The lecture tour (`#/tour?step=N`): a card beside the live whitening or training view, which the
// tour drives (photo, settings, preset) and narrows to the step's panel, enlarged and outlined.
import { lazy, Suspense, useEffect, useState } from 'react';
import { parseTourStep, TOUR_LENGTH, tourHash, tourStep } from '../../state/tour';
import { formatWhiteningHash } from '../../state/whiteningHash';
import { useWhiteningStore } from '../../state/whiteningStore';
import { sampleUrl, useSamples } from '../whitening/useSamples';
import { WhiteningView } from '../whitening/WhiteningView';
import { driveTraining, driveWhitening } from './driveTourStage';
import { TourCard } from './TourCard';
import { tourKeyAction } from './tourKeys';
import { useTourStep } from './useTourStep';
import './tour.css';

const TrainingView = lazy(() => import('../training/TrainingView').then((m) => ({ default: m.TrainingView })));

function goToStep(step: number): void {
  const next = tourHash(step);
  if (window.location.hash !== next) window.location.hash = next;
}

/** Leaving opens the view the step was showing, with its current settings. */
function leaveTour(view: 'whitening' | 'training'): void {
  if (view === 'training') {
    window.location.hash = '#/training';
    return;
  }
  const { settings, sample } = useWhiteningStore.getState();
  window.location.hash = formatWhiteningHash({ settings, sample });
}

export function TourView() {
  const step = useTourStep();
  const current = tourStep(step);
  const { stage } = current;
  const samples = useSamples();
  const [lecture, setLecture] = useState(false);

  // A garbage or missing step shows step 1; the address says so too, so a copied link is exact.
  useEffect(() => {
    const canonicalise = () => {
      const canonical = tourHash(parseTourStep(window.location.hash));
      if (window.location.hash.startsWith('#/tour') && window.location.hash !== canonical)
        window.history.replaceState(window.history.state, '', canonical);
    };
    canonicalise();
    window.addEventListener('hashchange', canonicalise);
    return () => window.removeEventListener('hashchange', canonicalise);
  }, []);

  useEffect(() => {
    if (stage.view === 'training') {
      driveTraining(stage);
      return;
    }
    if (samples.length === 0) return;
    const sample = samples.find((s) => s.file === stage.sample) ?? samples[0];
    driveWhitening(stage, { file: sample.file, title: sample.title, url: new URL(sampleUrl(sample.file), document.baseURI).href });
  }, [stage, samples]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const action = tourKeyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
        targetEditable: target?.isContentEditable,
      });
      if (!action) return;
      // The tour owns these keys: the training view's own lecture mode would cover the card.
      event.preventDefault();
      event.stopPropagation();
      if (action === 'next') goToStep(Math.min(TOUR_LENGTH, step + 1));
      else if (action === 'back') goToStep(Math.max(1, step - 1));
      else if (action === 'leave') leaveTour(stage.view);
      else setLecture((on) => !on);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [step, stage.view]);

  return (
    <div className={lecture ? 'tour tour-lecture' : 'tour'} data-testid="tour" data-step={step}>
      <TourCard
        step={step}
        current={current}
        lecture={lecture}
        onBack={() => goToStep(step - 1)}
        onNext={() => goToStep(step + 1)}
        onLeave={() => leaveTour(stage.view)}
        onToggleLecture={() => setLecture((on) => !on)}
      />
      <div
        className="tour-stage"
        data-view={stage.view}
        data-focus={stage.focus}
        data-stats={stage.view === 'whitening' ? (stage.stats ?? 'none') : undefined}
      >
        {stage.view === 'whitening' ? (
          <WhiteningView />
        ) : (
          <Suspense fallback={<p className="caption">Loading the training dashboard…</p>}>
            <TrainingView />
          </Suspense>
        )}
      </div>
    </div>
  );
}
