import { useSyncExternalStore } from 'react';
import { tabFromHash, type TabId } from '../../state/route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The tab named by the URL hash, re-rendering when the hash changes. */
export function useHashTab(): TabId {
  return useSyncExternalStore(
    subscribe,
    () => tabFromHash(window.location.hash),
    () => 'whitening',
  );
}
