import { backendDisplayName } from '../../platform/backendName';
import type { WhitenPayload } from '../../platform/whitenProtocol';
import type { Measurement } from '../../state/whiteningStore';

/** "1,412 ms on WebGPU (fused WGSL), 512×512 px": every number with its unit and the backend it ran on. */
export function MeasurementLine({ measurement, payload }: { measurement: Measurement | null; payload: WhitenPayload | null }) {
  if (!measurement || !payload) return <span className="measurement">Waiting for the first result…</span>;
  const impl = measurement.implementation === 'fused-wgsl' ? 'fused WGSL' : 'composed ops';
  return (
    <span className="measurement num" data-testid="measurement">
      <b data-testid="whiten-ms">{Math.round(measurement.ms).toLocaleString('en')} ms</b> on {backendDisplayName(measurement.backend)} ({impl}),{' '}
      {payload.width}×{payload.height} px
    </span>
  );
}
