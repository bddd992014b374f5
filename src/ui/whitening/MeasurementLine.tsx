import type { WhitenPayload } from '../../platform/whitenProtocol';
import type { Measurement } from '../../state/whiteningStore';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' } as const;

/** "412 ms on WebGPU (fused WGSL) · 87,212 patches": every number with its unit and backend. */
export function MeasurementLine({ measurement, payload }: { measurement: Measurement | null; payload: WhitenPayload | null }) {
  if (!measurement || !payload) return <span className="measurement">Waiting for the first result…</span>;
  const impl = measurement.implementation === 'fused-wgsl' ? 'fused WGSL' : 'composed ops';
  return (
    <span className="measurement num" data-testid="measurement">
      <b data-testid="whiten-ms">{measurement.ms.toFixed(0)} ms</b> on {NAMES[measurement.backend]} ({impl}) · {payload.width}×{payload.height} px ·{' '}
      {payload.patchCount.toLocaleString('en')} patches
    </span>
  );
}
