import type { RunModel } from '../../../state/trainingRun';
import type { TrainingParams } from '../../../state/urlHashSchema';
import { downloadText } from './download';
import { runExportFileName, runToCsv, runToJson } from './exportRun';

export function ExportRunButtons({ run, params }: { run: RunModel; params: TrainingParams }) {
  return (
    <span className="export-row" aria-label="Export the run">
      Export run:{' '}
      <button
        type="button"
        className="link-button"
        data-testid="export-json"
        onClick={() => {
          const now = new Date();
          downloadText(runToJson(run, params, now.toISOString()), runExportFileName(params, 'json', now), 'application/json');
        }}
      >
        JSON
      </button>
      <button
        type="button"
        className="link-button"
        data-testid="export-csv"
        onClick={() => downloadText(runToCsv(run), runExportFileName(params, 'csv', new Date()), 'text/csv')}
      >
        CSV
      </button>
    </span>
  );
}
