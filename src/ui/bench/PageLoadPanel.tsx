// This page's own initial load as this browser measured it (Paint and Resource Timing).
import { useEffect, useState } from 'react';
import { formatNumber } from './benchFormat';
import { measureInitialLoad, type ResourceSizes } from './pageLoad';

function kB(bytes: number): string {
  return `${formatNumber(bytes / 1000)} kB`;
}

function SizeLine({ what, sizes }: { what: string; sizes: ResourceSizes }) {
  return (
    <div className="bench-load-line">
      <dt>
        {what} ({sizes.count} {sizes.count === 1 ? 'file' : 'files'})
      </dt>
      <dd className="num">
        {kB(sizes.encodedBytes)} as served <span className="bench-load-minor">· {kB(sizes.decodedBytes)} unpacked</span>
      </dd>
    </div>
  );
}

export function PageLoadPanel() {
  const [load, setLoad] = useState(() => (typeof performance === 'undefined' ? null : measureInitialLoad()));
  const fcp = load?.firstContentfulPaintMs;
  // Opened straight on this tab, the panel can mount before the first contentful paint is recorded.
  useEffect(() => {
    if (!load || fcp !== undefined || typeof PerformanceObserver === 'undefined') return;
    const observer = new PerformanceObserver(() => setLoad(measureInitialLoad()));
    try {
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      return;
    }
    return () => observer.disconnect();
  }, [load, fcp]);
  if (!load) return null;
  return (
    <section className="panel bench-load" data-testid="bench-page-load" aria-labelledby="bench-load-title">
      <h3 className="panel-title" id="bench-load-title">
        This page&apos;s own load, measured by your browser
      </h3>
      <dl className="bench-load-list">
        <div className="bench-load-line">
          <dt>First contentful paint</dt>
          <dd className="num" data-testid="bench-fcp">
            {fcp === undefined ? 'not recorded (the tab was hidden while loading?)' : `${formatNumber(fcp)} ms after navigation`}
          </dd>
        </div>
        <SizeLine what="Initial scripts" sizes={load.scripts} />
        <SizeLine what="Initial stylesheets" sizes={load.styles} />
      </dl>
      <p className="caption">
        Files fetched before DOMContentLoaded; the tabs loaded later and the workers are not counted. “As served” is the encoded body size:
        the gzip size only when the server compresses, which{' '}
        {load.compressed ? 'this one did' : 'this one did not (the sizes are uncompressed)'}.
      </p>
    </section>
  );
}
