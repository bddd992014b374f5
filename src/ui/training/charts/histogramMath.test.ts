import { describe, expect, it } from 'vitest';
import { densityOutline, histogramRange } from './histogramMath';

describe('densityOutline', () => {
  it('integrates to one whatever the bin width', () => {
    for (const binWidth of [0.1, 0.5, 2]) {
      const outline = densityOutline({ min: -1, binWidth, counts: [1, 3, 6, 2] });
      let area = 0;
      for (let i = 1; i + 1 < outline.length; i += 2) area += (outline[i + 1].x - outline[i].x) * outline[i].density;
      expect(area).toBeCloseTo(1, 12);
    }
  });

  it('returns nothing for empty or broken histograms', () => {
    expect(densityOutline({ min: 0, binWidth: 1, counts: [0, 0] })).toEqual([]);
    expect(densityOutline({ min: 0, binWidth: 0, counts: [1] })).toEqual([]);
  });

  it('spans all histograms', () => {
    expect(
      histogramRange([
        { min: -1, binWidth: 0.5, counts: [1, 1] },
        { min: -3, binWidth: 1, counts: [1] },
      ]),
    ).toEqual([-3, 0]);
    expect(histogramRange([])).toEqual([-1, 1]);
  });
});
