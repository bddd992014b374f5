// One line: the run's state, rows so far, elapsed time, the worker's latest progress sentence and
// the devices measured on.
import { useEffect, useState } from 'react';
import type { BenchRunModel, BenchStatus } from '../../state/benchStore';
import { describeDevices } from './benchFormat';

const STATUS_TEXT: Record<BenchStatus, string> = {
  idle: 'ready',
  running: 'running',
  cancelling: 'cancelling',
  done: 'finished',
  cancelled: 'cancelled',
  failed: 'stopped by an error',
};

/** Seconds since `start`, ticking once a second while `ticking`. */
function useElapsedSeconds(start: number | null, end: number | null, ticking: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  if (start === null) return null;
  return Math.max(0, ((end ?? now) - start) / 1000);
}

export function RunStatus({ model }: { model: BenchRunModel }) {
  const ticking = model.status === 'running' || model.status === 'cancelling';
  const elapsed = useElapsedSeconds(model.startedAt, model.endedAt, ticking);
  return (
    <div className={`bench-status bench-status-${model.status}`}>
      <span className="bench-state">
        <span className="bench-dot" aria-hidden="true" />
        {STATUS_TEXT[model.status]}
      </span>
      <span className="num">
        {model.rows.length} {model.rows.length === 1 ? 'row' : 'rows'}
        {elapsed !== null ? ` · ${Math.round(elapsed)} s` : ''}
      </span>
      <span className="bench-progress" data-testid="bench-progress" aria-live="polite">
        {model.progress}
      </span>
      <span className="bench-devices" data-testid="bench-devices">
        <strong>Devices:</strong> {describeDevices(model.devices)}
      </span>
    </div>
  );
}
