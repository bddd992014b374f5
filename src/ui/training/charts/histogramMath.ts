// Turning the trainer's histograms (their own bins each) into comparable density curves.
import type { Histogram } from '../../../train/protocol';

export interface DensityPoint {
  x: number;
  density: number;
}

/** Step outline of a histogram as density (area 1), so variants with other bins compare. */
export function densityOutline(histogram: Histogram): DensityPoint[] {
  const total = histogram.counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0 || !(histogram.binWidth > 0)) return [];
  const points: DensityPoint[] = [];
  histogram.counts.forEach((count, index) => {
    const left = histogram.min + index * histogram.binWidth;
    const density = count / (total * histogram.binWidth);
    points.push({ x: left, density }, { x: left + histogram.binWidth, density });
  });
  return [{ x: histogram.min, density: 0 }, ...points, { x: histogram.min + histogram.counts.length * histogram.binWidth, density: 0 }];
}

export function histogramRange(histograms: readonly Histogram[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const h of histograms) {
    if (h.counts.length === 0 || !Number.isFinite(h.min) || !(h.binWidth > 0)) continue;
    low = Math.min(low, h.min);
    high = Math.max(high, h.min + h.counts.length * h.binWidth);
  }
  return low < high ? [low, high] : [-1, 1];
}

export function formatPercent(fraction: number): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(0)} %` : '–';
}

export function formatKurtosis(value: number): string {
  return Number.isFinite(value) ? value.toFixed(1) : '–';
}
