import { backendDisplayName } from '../../platform/backendName';
import type { WhitenPayload } from '../../platform/whitenProtocol';
import type { Measurement } from '../../state/whiteningStore';

/** Who computed the result, e.g. "WebGPU (fused WGSL)" or "the direct engine (JavaScript, WebAssembly)". */
function computedBy(measurement: Measurement): string {
  if (measurement.implementation === 'direct' || !measurement.backend) return 'the direct engine (JavaScript, WebAssembly)';
  const impl = measurement.implementation === 'fused-wgsl' ? 'fused WGSL' : 'composed ops';
  return `${backendDisplayName(measurement.backend)} (${impl})`;
}

/** "1,412 ms on WebGPU (fused WGSL), 512×512 px": every number with its unit and what it ran on. */
export function MeasurementLine({ measurement, payload }: { measurement: Measurement | null; payload: WhitenPayload | null }) {
  if (!measurement || !payload) return <span className="measurement">Waiting for the first result…</span>;
  return (
    <span className="measurement num" data-testid="measurement" data-iters={measurement.settings?.iters}>
      <b data-testid="whiten-ms">{Math.round(measurement.ms).toLocaleString('en')} ms</b> on {computedBy(measurement)}, {payload.width}×
      {payload.height} px{measurement.settings && `, K = ${measurement.settings.iters}`}
    </span>
  );
}
