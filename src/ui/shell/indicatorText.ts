// What the header's backend indicator says before, during and after a backend starts.
import type { TabId } from '../../state/route';
import { backendLabel, type BackendStatus } from '../../state/shellStore';

export type IndicatorKind = 'error' | 'fallback' | 'ok' | 'pending' | 'idle';

export interface IndicatorText {
  label: string;
  reason: string;
  kind: IndicatorKind;
}

/**
 * The Benchmark tab starts no backend until Run (each measured backend starts then), so on a fresh
 * Benchmark tab the indicator says so instead of "starting…", which would never end.
 */
export function indicatorText(backend: BackendStatus | null, failure: string | null, tab: TabId): IndicatorText {
  if (failure) return { label: 'none', reason: failure, kind: 'error' };
  if (backend) return { label: backendLabel(backend), reason: backend.reason, kind: backend.fellBack ? 'fallback' : 'ok' };
  if (tab === 'benchmark') {
    return { label: 'chosen when you run', reason: 'The benchmark starts each backend you tick when you press Run', kind: 'idle' };
  }
  return { label: 'starting…', reason: 'Choosing WebGPU, WebGL, WASM or CPU…', kind: 'pending' };
}
