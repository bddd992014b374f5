import { describe, expect, it } from 'vitest';
import { compositeColour, divergingColour } from '../../charts/colormap';
import { bestColumns, kernelImage } from './kernelImage';

describe('diverging colour map', () => {
  it('is near white at zero, red for positive, blue for negative, symmetric in strength', () => {
    expect(divergingColour(0, 1)).toEqual([247, 247, 247]);
    const [pr, , pb] = divergingColour(0.8, 1);
    const [nr, , nb] = divergingColour(-0.8, 1);
    expect(pr).toBeGreaterThan(pb);
    expect(nb).toBeGreaterThan(nr);
    expect(divergingColour(5, 1)).toEqual(divergingColour(1, 1));
    expect(divergingColour(1, 0)).toEqual([247, 247, 247]);
  });

  it('maps the RGB composite 0.5 + v / (2 max)', () => {
    expect(compositeColour([1, -1, 0], 1)).toEqual([255, 0, 128]);
  });
});

describe('kernelImage', () => {
  it('places each tap at its pixel with one scale for the grid', () => {
    // Two 2x2 single-channel kernels: [[1,0],[0,0]] and [[0,0],[0,-2]].
    const image = kernelImage({ shape: [2, 2, 2, 1], values: [1, 0, 0, 0, 0, 0, 0, -2] }, 'diverging', 2);
    expect(image.width).toBe(2 * 3 + 1);
    expect(image.height).toBe(4);
    expect(image.maxAbs).toBe(2);
    const pixel = (x: number, y: number) => Array.from(image.rgba.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
    // The image uses a 511-level lookup table: within one step of the exact colour.
    const near = (actual: number[], expected: number[]) =>
      actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(2));
    near(pixel(1, 1), divergingColour(1, 2));
    near(pixel(5, 2), divergingColour(-2, 2));
    expect(pixel(1, 2)).toEqual([247, 247, 247]);
    expect(pixel(0, 0)).toEqual([255, 255, 255]);
  });

  it('splits multi-channel kernels into a tile per channel unless composited', () => {
    const values = Array.from({ length: 1 * 3 * 3 * 3 }, (_, i) => i - 13);
    expect(kernelImage({ shape: [1, 3, 3, 3], values }, 'diverging').tileCount).toBe(3);
    expect(kernelImage({ shape: [1, 3, 3, 3], values }, 'rgb').tileCount).toBe(1);
  });

  it('refuses data that does not match the shape', () => {
    expect(() => kernelImage({ shape: [2, 3, 3, 1], values: [1, 2] }, 'diverging')).toThrow(/shape needs 18/);
  });
});

describe('bestColumns', () => {
  it('fills a wide box with one row and a tall box with one column', () => {
    expect(bestColumns(8, 3, 1000, 10)).toBe(8);
    expect(bestColumns(8, 3, 10, 1000)).toBe(1);
  });

  it('is near square for a square box', () => {
    expect(bestColumns(16, 3, 200, 200)).toBe(4);
  });
});

describe('kernelImage without a frame', () => {
  it('drops the outer border and keeps the one-pixel gaps between tiles', () => {
    const image = kernelImage({ shape: [2, 2, 2, 1], values: [1, 0, 0, 0, 0, 0, 0, -2] }, 'diverging', 2, { frame: false });
    expect([image.width, image.height]).toEqual([2 * 3 - 1, 2]);
    const pixel = (x: number, y: number) => Array.from(image.rgba.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3));
    expect(pixel(0, 0)).toEqual(
      Array.from(
        kernelImage({ shape: [2, 2, 2, 1], values: [1, 0, 0, 0, 0, 0, 0, -2] }, 'diverging', 2).rgba.slice(
          (1 * 7 + 1) * 4,
          (1 * 7 + 1) * 4 + 3,
        ),
      ),
    );
    expect(pixel(2, 0)).toEqual([255, 255, 255]);
  });
});

describe('kernelImage with a given scale', () => {
  it('colours against the given maxAbs, so separate images share one scale', () => {
    const image = kernelImage({ shape: [1, 1, 1, 1], values: [1] }, 'diverging', 1, { frame: false, maxAbs: 4 });
    expect(image.maxAbs).toBe(4);
    const rgb = Array.from(image.rgba.slice(0, 3));
    divergingColour(1, 4).forEach((c, i) => expect(Math.abs(rgb[i] - c)).toBeLessThanOrEqual(2));
  });
});
