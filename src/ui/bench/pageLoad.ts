// The page's own initial load, as this browser measured it: first contentful paint (Paint Timing)
// and the size of the scripts and stylesheets fetched before DOMContentLoaded (Resource Timing).
// encodedBodySize is the body as the server sent it: gzip/brotli size only when the server
// compresses; transferSize adds headers and is 0 for a cached or cross-origin-opaque response.

export interface ResourceSizes {
  count: number;
  encodedBytes: number;
  decodedBytes: number;
  transferBytes: number;
}

export interface InitialLoad {
  /** First contentful paint, ms after navigation start; undefined when the browser did not record one. */
  firstContentfulPaintMs?: number;
  scripts: ResourceSizes;
  styles: ResourceSizes;
  /** True when every counted response came compressed (encoded < decoded). */
  compressed: boolean;
}

/** The fields of PerformanceResourceTiming this summary reads. */
export interface ResourceEntryLike {
  name: string;
  initiatorType: string;
  startTime: number;
  encodedBodySize: number;
  decodedBodySize: number;
  transferSize: number;
}

function emptySizes(): ResourceSizes {
  return { count: 0, encodedBytes: 0, decodedBytes: 0, transferBytes: 0 };
}

function kind(entry: ResourceEntryLike): 'script' | 'style' | null {
  const path = entry.name.split(/[?#]/)[0];
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'script';
  if (path.endsWith('.css')) return 'style';
  return null;
}

/**
 * Sums scripts and stylesheets whose fetch started before `initialEndMs` (DOMContentLoaded end:
 * module scripts and their static imports finish before it; lazy views and workers come later).
 */
export function summariseInitialLoad(
  paints: readonly { name: string; startTime: number }[],
  resources: readonly ResourceEntryLike[],
  initialEndMs: number,
): InitialLoad {
  const scripts = emptySizes();
  const styles = emptySizes();
  let compressed = true;
  for (const entry of resources) {
    const k = kind(entry);
    if (!k || entry.startTime > initialEndMs) continue;
    const sizes = k === 'script' ? scripts : styles;
    sizes.count += 1;
    sizes.encodedBytes += entry.encodedBodySize;
    sizes.decodedBytes += entry.decodedBodySize;
    sizes.transferBytes += entry.transferSize;
    if (!(entry.encodedBodySize < entry.decodedBodySize)) compressed = false;
  }
  const fcp = paints.find((p) => p.name === 'first-contentful-paint');
  return { firstContentfulPaintMs: fcp?.startTime, scripts, styles, compressed: compressed && scripts.count + styles.count > 0 };
}

/** Reads the figures from this page's Performance timeline. */
export function measureInitialLoad(perf: Performance = performance): InitialLoad {
  const navigation = perf.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const initialEnd = navigation && navigation.domContentLoadedEventEnd > 0 ? navigation.domContentLoadedEventEnd : Number.POSITIVE_INFINITY;
  return summariseInitialLoad(perf.getEntriesByType('paint'), perf.getEntriesByType('resource') as PerformanceResourceTiming[], initialEnd);
}
