import { describe, expect, it } from 'vitest';
import { fitWithin, resizeArea } from './resizeArea';

describe('fitWithin', () => {
  it('keeps the aspect ratio and never enlarges', () => {
    expect(fitWithin(640, 427, 512)).toEqual({ width: 512, height: 342 });
    expect(fitWithin(300, 451, 512)).toEqual({ width: 300, height: 451 });
    expect(fitWithin(4000, 10, 512)).toEqual({ width: 512, height: 1 });
  });
});

describe('resizeArea', () => {
  it('averages 2x2 blocks exactly when halving', () => {
    const data = Uint8Array.from([0, 10, 100, 200, 20, 30, 50, 250]); // 4x2, 1 channel
    const out = resizeArea({ width: 4, height: 2, channels: 1, data }, 2, 1);
    expect(Array.from(out.data)).toEqual([15, 150]);
  });

  it('weights fractional coverage (3 -> 2 pixels)', () => {
    // Output pixel 0 covers source [0, 1.5): (1*a + 0.5*b) / 1.5.
    const data = Uint8Array.from([30, 90, 150]);
    const out = resizeArea({ width: 3, height: 1, channels: 1, data }, 2, 1);
    expect(Array.from(out.data)).toEqual([Math.round((30 + 0.5 * 90) / 1.5), Math.round((0.5 * 90 + 150) / 1.5)]);
  });

  it('keeps channels apart and preserves a constant image', () => {
    const w = 7,
      h = 5;
    const data = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) data.set([12, 200, 77], i * 3);
    const out = resizeArea({ width: w, height: h, channels: 3, data }, 3, 2);
    for (let i = 0; i < 6; i++) expect(Array.from(out.data.subarray(i * 3, i * 3 + 3))).toEqual([12, 200, 77]);
  });

  it('matches the exact 4x4 block means when the factor divides evenly', () => {
    const w = 12,
      h = 8;
    const data = new Uint8Array(w * h);
    for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 256;
    const out = resizeArea({ width: w, height: h, channels: 1, data }, 3, 2);
    for (let oy = 0; oy < 2; oy++) {
      for (let ox = 0; ox < 3; ox++) {
        let sum = 0;
        for (let y = oy * 4; y < oy * 4 + 4; y++) for (let x = ox * 4; x < ox * 4 + 4; x++) sum += data[y * w + x];
        expect(Math.abs(out.data[oy * 3 + ox] - sum / 16)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('refuses to enlarge or a wrong buffer size', () => {
    const data = new Uint8Array(4);
    expect(() => resizeArea({ width: 2, height: 2, channels: 1, data }, 3, 2)).toThrow(/only shrinks/);
    expect(() => resizeArea({ width: 3, height: 2, channels: 1, data }, 1, 1)).toThrow(/expected 3x2x1/);
  });
});
