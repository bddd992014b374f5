// Arranges a bank of k x k kernels into one pixel image (one pixel per tap, 1-pixel gaps), on a
// single colour scale so strengths compare across the grid.
import { compositeColour, divergingLut, lutIndex, maxAbsOf, type Rgb } from '../../charts/colormap';

export type KernelColourMode = 'diverging' | 'rgb';

export interface KernelBank {
  /** [count, k, k, cin] row-major. */
  shape: readonly [number, number, number, number];
  values: readonly number[];
}

export interface KernelImageData {
  width: number;
  height: number;
  /** RGBA, width*height*4. */
  rgba: Uint8ClampedArray;
  k: number;
  columns: number;
  rows: number;
  maxAbs: number;
  tileCount: number;
}

export function kernelTileCount(bank: KernelBank, mode: KernelColourMode): number {
  const [count, , , cin] = bank.shape;
  return mode === 'rgb' && cin === 3 ? count : count * cin;
}

/**
 * Lays the kernels out in rows of `columns` tiles (default: about square, at least as wide as
 * tall), writing colours straight into one RGBA buffer (no per-tap allocations: this runs on
 * every snapshot that carries kernels).
 */
export interface KernelImageOptions {
  /** A one-pixel white border around the tiles (default true). */
  frame?: boolean;
  /** The value at the ends of the colour scale (default: the bank's largest |value|), to share a scale across images. */
  maxAbs?: number;
}

export function kernelImage(bank: KernelBank, mode: KernelColourMode, columns?: number, options: KernelImageOptions = {}): KernelImageData {
  const [count, k, k2, cin] = bank.shape;
  if (k !== k2) throw new Error(`kernels must be square, got ${k}x${k2}`);
  if (bank.values.length !== count * k * k * cin) {
    throw new Error(`kernel data has ${bank.values.length} values, shape needs ${count * k * k * cin}`);
  }
  const composite = mode === 'rgb' && cin === 3;
  const tileCount = kernelTileCount(bank, mode);
  const maxAbs = options.maxAbs ?? maxAbsOf(bank.values);
  const cols = Math.max(1, Math.min(tileCount, columns ?? Math.ceil(Math.sqrt(tileCount * 2))));
  const rows = Math.max(1, Math.ceil(tileCount / cols));
  // One pixel between tiles, and (with `frame`) one around them.
  const edge = (options.frame ?? true) ? 1 : 0;
  const width = cols * (k + 1) - 1 + 2 * edge;
  const height = rows * (k + 1) - 1 + 2 * edge;
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const at = (f: number, y: number, x: number, c: number) => bank.values[((f * k + y) * k + x) * cin + c];
  const offsetOf = (tile: number, y: number, x: number) => {
    const left = (tile % cols) * (k + 1) + edge;
    const top = Math.floor(tile / cols) * (k + 1) + edge;
    return ((top + y) * width + left + x) * 4;
  };
  const put = (tile: number, y: number, x: number, colour: Rgb) => rgba.set(colour, offsetOf(tile, y, x));
  const table = divergingLut();
  const putDiverging = (tile: number, y: number, x: number, value: number) => {
    const offset = offsetOf(tile, y, x);
    if (!Number.isFinite(value)) {
      rgba[offset] = rgba[offset + 1] = rgba[offset + 2] = 0;
      return;
    }
    const index = lutIndex(value, maxAbs) * 3;
    rgba[offset] = table[index];
    rgba[offset + 1] = table[index + 1];
    rgba[offset + 2] = table[index + 2];
  };
  for (let f = 0; f < count; f++) {
    for (let y = 0; y < k; y++) {
      for (let x = 0; x < k; x++) {
        if (composite) put(f, y, x, compositeColour([at(f, y, x, 0), at(f, y, x, 1), at(f, y, x, 2)], maxAbs));
        else for (let c = 0; c < cin; c++) putDiverging(f * cin + c, y, x, at(f, y, x, c));
      }
    }
  }
  return { width, height, rgba, k, columns: cols, rows, maxAbs, tileCount };
}

/** Columns that make `count` tiles of k x k taps as large as possible inside width x height. */
export function bestColumns(count: number, k: number, width: number, height: number): number {
  let best = 1;
  let bestScale = -1;
  for (let columns = 1; columns <= Math.max(1, count); columns++) {
    const rows = Math.ceil(count / columns);
    const scale = Math.min(width / (columns * (k + 1) + 1), height / (rows * (k + 1) + 1));
    if (scale > bestScale + 1e-9) {
      best = columns;
      bestScale = scale;
    }
  }
  return best;
}
