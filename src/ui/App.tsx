import { lazy, Suspense, useEffect } from 'react';
import { useShellStore } from '../state/shellStore';
import { BackendNotice } from './shell/BackendIndicator';
import { Header } from './shell/Header';
import { useHashTab } from './shell/useHashTab';
import { WhiteningView } from './whitening/WhiteningView';
import './theme.css';
import './shell/shell.css';

const TrainingView = lazy(() => import('./training/TrainingView').then((m) => ({ default: m.TrainingView })));
const TourView = lazy(() => import('./tour/TourView').then((m) => ({ default: m.TourView })));
const BenchmarkView = lazy(() => import('./bench/BenchmarkView').then((m) => ({ default: m.BenchmarkView })));

export function App() {
  const tab = useHashTab();
  const theme = useShellStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <Header tab={tab} />
      <BackendNotice />
      <main className="app-main">
        {tab === 'whitening' ? (
          <WhiteningView />
        ) : tab === 'training' ? (
          <Suspense fallback={<p className="caption">Loading the training dashboard…</p>}>
            <TrainingView />
          </Suspense>
        ) : tab === 'tour' ? (
          <Suspense fallback={<p className="caption">Loading the tour…</p>}>
            <TourView />
          </Suspense>
        ) : (
          <Suspense fallback={<p className="caption">Loading the benchmark panel…</p>}>
            <BenchmarkView />
          </Suspense>
        )}
      </main>
      <footer className="app-footer">
        Your photos never leave this browser: images are decoded and whitened on this device, nothing is uploaded.
      </footer>
    </div>
  );
}
