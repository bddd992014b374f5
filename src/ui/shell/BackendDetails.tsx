import type { CalibrationFigure } from '../../platform/backendChoice';
import { BACKEND_NAMES, backendDisplayName } from '../../platform/backendName';
import type { BackendStatus } from '../../state/shellStore';
import { adapterLine } from './adapterText';

function sorted(figures: readonly CalibrationFigure[]): CalibrationFigure[] {
  const ms = (f: CalibrationFigure) => ('ms' in f ? f.ms : Infinity);
  return [...figures].sort((a, b) => ms(a) - ms(b));
}

function formatFigure(figure: CalibrationFigure): string {
  if (!('ms' in figure)) return 'did not run';
  return `${figure.ms < 10 ? figure.ms.toFixed(1) : Math.round(figure.ms)} ms`;
}

/** The calibration behind an automatic choice: one row per backend, fastest first, the running one marked. */
function CalibrationTable({ status }: { status: BackendStatus }) {
  const calibration = status.calibration;
  if (!calibration || calibration.figures.length === 0) return null;
  return (
    <>
      <p>
        Measured {calibration.cached ? 'on an earlier visit' : 'now'} (a small convolution and matrix workload, once per device and
        browser):
      </p>
      <table className="backend-calibration" data-testid="backend-calibration">
        <tbody>
          {sorted(calibration.figures).map((figure) => (
            <tr key={figure.backend} aria-current={figure.backend === status.name ? 'true' : undefined}>
              <th scope="row">{backendDisplayName(figure.backend)}</th>
              <td className="num" title={'error' in figure ? figure.error : undefined}>
                {formatFigure(figure)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The popover's body: the reason, the GPU, the calibration, how to force a backend. */
export function BackendDetails({ status, reason }: { status: BackendStatus | null; reason: string }) {
  // Said once: the automatic choice's reason already names the software GPU.
  const softwareLine = Boolean(status?.software && !status.adapter && !(status.softwareGpu && reason.includes(status.softwareGpu)));
  return (
    <>
      <p data-testid="backend-reason">{reason}.</p>
      {status?.adapter && <p data-testid="backend-adapter">{adapterLine(status)}.</p>}
      {softwareLine && <p>This device&apos;s GPU is a software rasteriser ({status?.softwareGpu ?? 'unknown'}): correct, but slow.</p>}
      {status?.detail && (
        <p>
          {backendDisplayName(status.name)} runs with {status.detail}.
        </p>
      )}
      {status && <CalibrationTable status={status} />}
      <p>
        Force one in the address:{' '}
        {BACKEND_NAMES.map((name, i) => (
          <span key={name}>
            {i > 0 && ', '}
            <code className="backend-force">?backend={name}</code>
          </span>
        ))}
        .
      </p>
    </>
  );
}
