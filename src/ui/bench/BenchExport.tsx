// "Export JSON" (the BenchReport as a file) and "Copy markdown" (the table for a README or an issue).
// After a cancel or a crash they export the rows measured so far.
import { useState } from 'react';
import type { BenchReport } from '../../bench/types';
import { downloadText } from '../training/run/download';
import { markdownReport, reportFileName } from './benchFormat';

export function BenchExport({ report, disabled }: { report: BenchReport | null; disabled: boolean }) {
  const [feedback, setFeedback] = useState('');
  const off = disabled || !report;
  const copy = async () => {
    if (!report) return;
    try {
      await navigator.clipboard.writeText(markdownReport(report));
      setFeedback('Markdown copied.');
    } catch {
      setFeedback('The clipboard is not available here; Export JSON keeps every figure.');
    }
  };
  return (
    <div className="bench-export">
      <button
        type="button"
        className="button"
        data-testid="bench-export-json"
        disabled={off}
        onClick={() => report && downloadText(`${JSON.stringify(report, null, 2)}\n`, reportFileName(report), 'application/json')}
      >
        Export JSON
      </button>
      <button type="button" className="button" data-testid="bench-copy-markdown" disabled={off} onClick={() => void copy()}>
        Copy markdown
      </button>
      <span className="caption bench-export-feedback" role="status">
        {feedback}
      </span>
    </div>
  );
}
