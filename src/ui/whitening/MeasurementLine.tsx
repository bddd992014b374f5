import type { WhitenPayload } from '../../platform/whitenProtocol';
import type { Measurement } from '../../state/whiteningStore';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', cpu: 'CPU' } as const;

/** "412 ms on WebGPU (fused WGSL) · 87,212 patches": every number with its unit and backend. */
export function MeasurementLine({ measurement, payload }: { measurement: Measurement | null; payload: WhitenPayload | null }) {
  if (!measurement || !payload) return <p className="measurement caption">Waiting for the first result…</p>;
  const impl = measurement.implementation === 'fused-wgsl' ? 'fused WGSL kernels' : 'composed tf ops';
  return (
    <p className="measurement num" data-testid="measurement">
      whitened in <b data-testid="whiten-ms">{measurement.ms.toFixed(0)} ms</b> on {NAMES[measurement.backend]} ({impl}) ·{' '}
      {payload.width}×{payload.height} px · {payload.patchCount.toLocaleString('en')} patches of {payload.kernels.shape[3]}×{payload.kernels.shape[3]}×
      {payload.kernels.shape[1]}
    </p>
  );
}
