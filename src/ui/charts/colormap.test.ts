import { describe, expect, it } from 'vitest';
import { divergingColour, divergingIndex, divergingLut, divergingRgb, lutIndex, rmsRange, signedImageToRgba } from './colormap';

describe('diverging colour map', () => {
  it('is white-ish at zero, red for positive, blue for negative, and symmetric in index', () => {
    const [r0, g0, b0] = divergingRgb(0, 1);
    expect(Math.min(r0, g0, b0)).toBeGreaterThan(235);
    const [rp, , bp] = divergingRgb(1, 1);
    expect(rp).toBeGreaterThan(bp + 60);
    const [rn, , bn] = divergingRgb(-1, 1);
    expect(bn).toBeGreaterThan(rn + 60);
    expect(divergingIndex(0.3, 1) + divergingIndex(-0.3, 1)).toBe(255);
  });
  it('clamps values beyond the range and survives a zero range', () => {
    expect(divergingIndex(5, 1)).toBe(255);
    expect(divergingIndex(-5, 1)).toBe(0);
    expect(divergingIndex(3, 0)).toBe(128);
  });
});

describe('signedImageToRgba', () => {
  it('maps the RGB composite as 0.5 + v / (2 range)', () => {
    const rgba = signedImageToRgba(new Float32Array([0, 1, -1]), 1, 1, 3, 1);
    expect(Array.from(rgba)).toEqual([128, 255, 0, 255]);
  });
  it('uses the diverging map for one channel', () => {
    const rgba = signedImageToRgba(new Float32Array([1, -1]), 2, 1, 1, 1);
    expect(rgba[0]).toBeGreaterThan(rgba[2]);
    expect(rgba[6]).toBeGreaterThan(rgba[4]);
    expect(rgba[3]).toBe(255);
  });
});

describe('rmsRange', () => {
  it('is sigmas times the RMS, capped', () => {
    expect(rmsRange(new Float32Array([3, -3, 3, -3]), 2)).toBeCloseTo(6, 6);
    expect(rmsRange(new Float32Array([3, -3]), 2, 4)).toBe(4);
    expect(rmsRange(new Float32Array([0, 0]), 3, 5)).toBe(5);
  });
});

describe('one colour map', () => {
  it('images and kernel tiles sample the same colours', () => {
    const kernels = divergingLut();
    for (const v of [-1, -0.6, -0.2, 0, 0.3, 0.7, 1]) {
      const exact = divergingColour(v, 1);
      const image = divergingRgb(v, 1);
      const kernel = Array.from(kernels.slice(lutIndex(v, 1) * 3, lutIndex(v, 1) * 3 + 3));
      // Within one lookup step of the exact colour.
      image.forEach((c, i) => expect(Math.abs(c - exact[i])).toBeLessThanOrEqual(3));
      kernel.forEach((c, i) => expect(Math.abs(c - exact[i])).toBeLessThanOrEqual(2));
    }
  });
});
