import type { RunModel } from '../../state/trainingRun';
import type { TrainingParams } from '../../state/urlHashSchema';
import { downloadText } from './download';
import { exportFileName, runToCsv, runToJson } from './exportRun';

export function ExportRunButtons({ run, params }: { run: RunModel; params: TrainingParams }) {
  return (
    <span className="export-row" aria-label="Export the run">
      Export run:{' '}
      <button
        type="button"
        className="link-button"
        data-testid="export-json"
        onClick={() => downloadText(runToJson(run, params, new Date().toISOString()), exportFileName(params, 'run', 'json'), 'application/json')}
      >
        JSON
      </button>
      <button type="button" className="link-button" data-testid="export-csv" onClick={() => downloadText(runToCsv(run), exportFileName(params, 'run', 'csv'), 'text/csv')}>
        CSV
      </button>
    </span>
  );
}
