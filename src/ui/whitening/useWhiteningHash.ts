import { useEffect, useLayoutEffect, useRef } from 'react';
import { formatWhiteningHash, parseWhiteningHash } from '../../state/whiteningHash';
import { useWhiteningStore } from '../../state/whiteningStore';
import type { Sample } from './useSamples';

function sameSettings(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Two-way link between the view and `#/whitening?...`: a hash (on load, or set later by a preset
 * link) picks the sample and settings; changes in the view are written back with replaceState once answered.
 */
export function useWhiteningHash(samples: Sample[], loadSample: (sample: Sample) => void): void {
  // The hash is read before it is written: otherwise a remount would overwrite an incoming link.
  const read = useRef(false);
  useEffect(() => {
    if (samples.length === 0) return;
    const apply = () => {
      const hash = window.location.hash;
      if (hash && !hash.startsWith('#/whitening')) return;
      const wanted = parseWhiteningHash(hash);
      const store = useWhiteningStore.getState();
      if (hash.includes('?') && !sameSettings(wanted.settings, store.settings)) store.setSettings(wanted.settings);
      const target = samples.find((x) => x.file === wanted.sample);
      if (store.requestedId === 0) loadSample(target ?? samples[0]);
      else if (target && target.file !== store.sample) loadSample(target);
    };
    apply();
    read.current = true;
    window.addEventListener('hashchange', apply);
    return () => window.removeEventListener('hashchange', apply);
  }, [samples, loadSample]);

  const settings = useWhiteningStore((s) => s.settings);
  const sample = useWhiteningStore((s) => s.sample);
  const hasImage = useWhiteningStore((s) => s.image !== null);
  // Written once the view has answered, not on every step of a slider drag: replaceState costs the
  // page about 10 ms each (and Chromium throttles a burst of them). A layout effect, so that by the
  // time anything sees the answer on screen, the address names it.
  const settled = useWhiteningStore((s) => s.status !== 'working');
  useLayoutEffect(() => {
    if (!hasImage || !read.current || !settled) return;
    if (window.location.hash && !window.location.hash.startsWith('#/whitening')) return;
    const hash = formatWhiteningHash({ settings, sample });
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [settings, sample, hasImage, samples, settled]);
}
