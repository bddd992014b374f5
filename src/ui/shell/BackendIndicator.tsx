import { useId, useState } from 'react';
import { backendLabel, useShellStore } from '../../state/shellStore';
import { BackendDetails } from './BackendDetails';
import { indicatorText } from './indicatorText';
import { useHashTab } from './useHashTab';

/** "backend: WebGPU (fused WGSL kernels)" with the reason behind an (i) popover. */
export function BackendIndicator() {
  const backend = useShellStore((s) => s.backend);
  const failure = useShellStore((s) => s.backendError);
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const { label, reason, kind } = indicatorText(backend, failure, useHashTab());
  return (
    <div className="backend">
      <span
        className={`backend-indicator backend-${kind}`}
        data-testid="backend-indicator"
        data-backend={backend?.name ?? ''}
        title={reason}
      >
        <span className="backend-dot" aria-hidden="true" />
        backend: {label}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label="Why this backend?"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((v) => !v)}
      >
        i
      </button>
      {open && (
        <div className="popover" id={popoverId} role="note">
          <BackendDetails status={backend} reason={reason} />
        </div>
      )}
    </div>
  );
}

/** A visible sentence when WebGPU was wanted but another backend runs. */
export function BackendNotice() {
  const backend = useShellStore((s) => s.backend);
  const failure = useShellStore((s) => s.backendError);
  if (failure) {
    return (
      <p className="message message-error shell-notice" role="alert">
        No computation backend could start: {failure}
      </p>
    );
  }
  if (!backend?.fellBack) return null;
  return (
    <p className="message message-notice shell-notice" data-testid="backend-notice" role="status">
      {backend.software
        ? `This device's GPU is a software one (${backend.softwareGpu ?? 'unknown'}), so Deconv Lab runs on ${backendLabel(backend)}, the fastest backend here: everything works, just more slowly. The (i) next to the backend shows the measurements.`
        : `WebGPU is not available here, so Deconv Lab runs on ${backendLabel(backend)}: everything works, just more slowly. (${backend.reason})`}
    </p>
  );
}
