import { divergingCss } from './colormap';

/** A horizontal bar for the diverging map from -range to +range. */
export function ColourLegend({ range, label }: { range: number; label: string }) {
  const stops = Array.from({ length: 11 }, (_, i) => `${divergingCss(-range + (2 * range * i) / 10, range)} ${i * 10}%`);
  const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toPrecision(2));
  return (
    <div className="legend" aria-label={`Colour scale: ${label} from ${fmt(-range)} to ${fmt(range)}`}>
      <div className="legend-bar" style={{ background: `linear-gradient(to right, ${stops.join(', ')})` }} />
      <div className="legend-ticks num">
        <span>{fmt(-range)}</span>
        <span>0</span>
        <span>+{fmt(range)}</span>
      </div>
      <div className="legend-label">{label}</div>
    </div>
  );
}
