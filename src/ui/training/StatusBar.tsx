// Run state (loading with progress, compiling kernels, running, paused), step/epoch and cost.
import type { RunModel } from '../../state/trainingRun';
import { costReadoutLine, stepText } from './costReadout';

const STATE_TEXT: Record<RunModel['state'], string> = {
  idle: 'starting the trainer…',
  loading: 'loading data…',
  compiling: 'compiling kernels (first step; this can take a while)…',
  ready: 'ready: press Play (Space) or Step (S)',
  running: 'running',
  paused: 'paused',
  finished: 'finished',
  error: 'stopped',
};

export function StatusBar({ run }: { run: RunModel }) {
  const progress = run.state === 'loading' && run.progress !== undefined ? Math.round(run.progress * 100) : null;
  return (
    <div className="status-bar" aria-live="polite">
      <span className={`run-state run-state-${run.state}`} data-testid="run-status" data-state={run.state}>
        <span className="run-dot" aria-hidden="true" />
        {(run.state === 'loading' || run.state === 'compiling') && run.message ? `${run.message}…` : STATE_TEXT[run.state]}
        {progress !== null && (
          <>
            {' '}
            <progress max={100} value={progress} aria-label="data loading progress" /> <span className="num">{progress} %</span>
          </>
        )}
        {run.message && run.state !== 'error' && run.state !== 'loading' && run.state !== 'compiling' && <span className="run-message"> {run.message}</span>}
      </span>
      <span className="num step-readout" data-testid="step-readout">
        {stepText(run.step, run.totalSteps, run.stepsPerEpoch)}
      </span>
      <span className="num cost-readout" data-testid="cost-readout">
        {costReadoutLine(run.variants, run.backend)}
      </span>
    </div>
  );
}
