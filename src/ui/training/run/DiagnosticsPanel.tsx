// What a user pastes into a bug report: backend, adapter, tensor memory, step counts.
import { useState } from 'react';
import type { DashboardDiagnostics, TrainingController } from './trainingController';

export function DiagnosticsPanel({ controller }: { controller: TrainingController }) {
  const [report, setReport] = useState<DashboardDiagnostics | null>(null);
  const [loading, setLoading] = useState(false);
  // The figures the worker last posted show at once; its fresh answer replaces them when it comes
  // (a worker inside a long first step on a software GPU may take seconds).
  const refresh = () => {
    setLoading(true);
    void controller.diagnostics().then(setReport);
    void controller.freshDiagnostics().then((result) => {
      setReport(result);
      setLoading(false);
    });
  };
  return (
    <details
      className="diagnostics"
      data-testid="diagnostics-panel"
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) refresh();
      }}
    >
      <summary>Diagnostics (for bug reports)</summary>
      <p className="caption">
        The same object is returned by <code>window.deconvLab.diagnostics()</code> in the browser console.{' '}
        <button type="button" className="link-button" onClick={refresh} disabled={loading}>
          {loading ? 'asking the trainer…' : 'refresh'}
        </button>
      </p>
      {report && (
        <dl className="diagnostics-list num">
          <dt>backend</dt>
          <dd>{report.backend ? `${report.backend.name}: ${report.backend.reason}` : 'unknown'}</dd>
          <dt>adapter</dt>
          <dd>
            {report.backend?.adapter ? `${report.backend.adapter}${report.backend.fallbackAdapter ? ' (software fallback)' : ''}` : '–'}
          </dd>
          <dt>deconvolution kernels</dt>
          <dd>{report.implementation ?? '–'}</dd>
          <dt>tensors in memory</dt>
          <dd>
            {report.memory
              ? `${report.memory.numTensors} tensors, ${(report.memory.numBytes / 1e6).toFixed(2)} MB, ${report.memory.numDataBuffers} buffers`
              : '–'}
          </dd>
          <dt>steps</dt>
          <dd>{`trainer ${report.step ?? '–'}, shown ${report.ui.step}; ${report.ui.variants.map((v) => `${v.norm}: ${v.points} loss points`).join(', ')}`}</dd>
          <dt>trainer answered</dt>
          <dd data-testid="diagnostics-age">
            {report.workerAnswered
              ? report.ageMs
                ? `yes, ${(report.ageMs / 1000).toFixed(1)} s ago`
                : 'yes, just now'
              : 'not yet (the worker is starting or not running)'}
          </dd>
        </dl>
      )}
    </details>
  );
}
