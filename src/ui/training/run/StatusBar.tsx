// Run state (start-up phases with their progress, running, paused), step/epoch and cost.
import { backendDisplayName } from '../../../platform/backendName';
import type { RunModel } from '../../../state/trainingRun';
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

/** The start-up's phase figure: a count ("12/40"), a percentage, or an indeterminate bar. */
function StartupProgress({ run }: { run: RunModel }) {
  const counted = run.total !== undefined && run.done !== undefined;
  const figure = counted ? `${run.done}/${run.total}` : run.progress !== undefined ? `${Math.round(run.progress * 100)} %` : null;
  const backend = run.backend && run.phase !== 'backend' ? run.backend : undefined;
  return (
    <>
      {' '}
      <progress
        data-testid="startup-progress"
        data-phase={run.phase ?? ''}
        max={1}
        {...(run.progress !== undefined ? { value: run.progress } : {})}
        aria-label={`start-up: ${run.message ?? run.state}`}
      />
      {figure !== null && <span className="num"> {figure}</span>}
      {backend && (
        <span className="run-message" data-testid="startup-backend" title={backend.reason}>
          {' '}
          ({backendDisplayName(backend.name)}: {backend.reason})
        </span>
      )}
    </>
  );
}

export function StatusBar({ run }: { run: RunModel }) {
  // 'idle' without a message: the worker has not reported yet (its script is loading).
  const starting = run.state === 'loading' || run.state === 'compiling' || (run.state === 'idle' && !run.message);
  return (
    <div className="status-bar" aria-live="polite">
      <span
        className={`run-state run-state-${run.state}`}
        data-testid="run-status"
        data-state={run.state}
        data-phase={starting ? (run.phase ?? '') : ''}
      >
        <span className="run-dot" aria-hidden="true" />
        {starting && run.message ? `${run.message}…` : STATE_TEXT[run.state]}
        {starting && <StartupProgress run={run} />}
        {run.message && run.state !== 'error' && !starting && <span className="run-message"> {run.message}</span>}
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
