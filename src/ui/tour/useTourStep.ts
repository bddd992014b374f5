import { useSyncExternalStore } from 'react';
import { parseTourStep } from '../../state/tour';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The tour step (1-based) named by `#/tour?step=N`, re-rendering when the hash changes. */
export function useTourStep(): number {
  return useSyncExternalStore(
    subscribe,
    () => parseTourStep(window.location.hash),
    () => 1,
  );
}
