// Backends (unavailable ones disabled with the reason), groups, quick/full, Run and Cancel.
import type { BenchBackend } from '../../bench/types';
import type { AvailabilityMap } from './backendAvailability';
import { backendName } from './benchFormat';
import { BENCH_BACKENDS, PANEL_GROUPS, selectionProblem, type BenchSelection } from './benchOptions';

interface Props {
  availability: AvailabilityMap | null;
  selection: BenchSelection;
  onChange(selection: BenchSelection): void;
  active: boolean;
  cancelling: boolean;
  onRun(): void;
  onCancel(): void;
}

function toggle<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
}

function BackendChoice({ backend, props }: { backend: BenchBackend; props: Props }) {
  const { availability, selection, onChange, active } = props;
  const state = availability?.[backend];
  const available = state?.available ?? false;
  const detail = state ? state.detail : 'checking…';
  return (
    <label className={`bench-choice${available ? '' : ' bench-choice-off'}`} title={detail}>
      <input
        type="checkbox"
        data-testid={`bench-backend-${backend}`}
        checked={available && selection.backends.includes(backend)}
        disabled={!available || active}
        onChange={(e) => onChange({ ...selection, backends: toggle(selection.backends, backend, e.target.checked) })}
      />
      <span className="bench-choice-name">{backendName(backend)}</span>
      {detail && (
        <span className="bench-choice-detail" data-testid={`bench-backend-${backend}-detail`}>
          {available ? detail : `unavailable: ${detail}`}
        </span>
      )}
    </label>
  );
}

export function BenchControls(props: Props) {
  const { selection, onChange, active, cancelling, onRun, onCancel, availability } = props;
  const problem = availability ? selectionProblem(selection) : 'Checking which backends run here…';
  return (
    <div className="bench-controls">
      <div className="bench-actions">
        <fieldset className="bench-fieldset">
          <legend>Backends</legend>
          <div className="bench-choices">
            {BENCH_BACKENDS.map((b) => (
              <BackendChoice key={b} backend={b} props={props} />
            ))}
          </div>
        </fieldset>
        <fieldset className="bench-fieldset">
          <legend>Size</legend>
          <div className="bench-choices">
            <label className="bench-choice" title="up to 3 repetitions per case, the usual sizes">
              <input
                type="radio"
                name="bench-mode"
                checked={!selection.full}
                disabled={active}
                onChange={() => onChange({ ...selection, full: false })}
              />
              quick
            </label>
            <label className="bench-choice" title="up to 10 repetitions per case, adds the large cases (576×576 and similar): slow">
              <input
                type="radio"
                name="bench-mode"
                data-testid="bench-full"
                checked={selection.full}
                disabled={active}
                onChange={() => onChange({ ...selection, full: true })}
              />
              full
            </label>
          </div>
        </fieldset>
        <div className="bench-buttons">
          <button type="button" className="button bench-run" data-testid="bench-run" disabled={active || problem !== null} onClick={onRun}>
            Run benchmark
          </button>
          <button
            type="button"
            className="button bench-cancel"
            data-testid="bench-cancel"
            disabled={!active || cancelling}
            onClick={onCancel}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
        {problem && !active && <span className="bench-problem">{problem}</span>}
      </div>
      <fieldset className="bench-fieldset">
        <legend>Groups</legend>
        <div className="bench-groups">
          {PANEL_GROUPS.map((g) => (
            <label key={g.id} className="bench-choice" title={g.id}>
              <input
                type="checkbox"
                data-testid={`bench-group-${g.id}`}
                checked={selection.groups.includes(g.id)}
                disabled={active}
                onChange={(e) => onChange({ ...selection, groups: toggle(selection.groups, g.id, e.target.checked) })}
              />
              <span>
                {g.title}
                {g.backends === 'webgpu-only' && <span className="bench-choice-detail"> (WebGPU only)</span>}
                {g.backends === 'wasm-pairs' && <span className="bench-choice-detail"> (WASM and another backend)</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
