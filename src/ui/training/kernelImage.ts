// Arranges a bank of k x k kernels into one pixel image (one pixel per tap, 1-pixel gaps), on a
// single colour scale so strengths compare across the grid.
import { compositeColour, divergingColour, maxAbsOf, type Rgb } from './colourMap';

export type KernelColourMode = 'diverging' | 'rgb';

export interface KernelBank {
  /** [count, k, k, cin] row-major. */
  shape: readonly [number, number, number, number];
  values: readonly number[];
}

export interface KernelTile {
  /** Row-major k*k colours. */
  colours: Rgb[];
  label: string;
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
  tiles: KernelTile[];
}

const GAP_COLOUR: Rgb = [255, 255, 255];

export function kernelTiles(bank: KernelBank, mode: KernelColourMode): { tiles: KernelTile[]; maxAbs: number } {
  const [count, k, k2, cin] = bank.shape;
  if (k !== k2) throw new Error(`kernels must be square, got ${k}x${k2}`);
  if (bank.values.length !== count * k * k * cin) {
    throw new Error(`kernel data has ${bank.values.length} values, shape needs ${count * k * k * cin}`);
  }
  const maxAbs = maxAbsOf(bank.values);
  const at = (f: number, y: number, x: number, c: number) => bank.values[((f * k + y) * k + x) * cin + c];
  const tiles: KernelTile[] = [];
  const composite = mode === 'rgb' && cin === 3;
  for (let f = 0; f < count; f++) {
    if (composite) {
      const colours: Rgb[] = [];
      for (let y = 0; y < k; y++) for (let x = 0; x < k; x++) colours.push(compositeColour([at(f, y, x, 0), at(f, y, x, 1), at(f, y, x, 2)], maxAbs));
      tiles.push({ colours, label: `filter ${f}` });
      continue;
    }
    for (let c = 0; c < cin; c++) {
      const colours: Rgb[] = [];
      for (let y = 0; y < k; y++) for (let x = 0; x < k; x++) colours.push(divergingColour(at(f, y, x, c), maxAbs));
      tiles.push({ colours, label: cin > 1 ? `filter ${f}, channel ${c}` : `filter ${f}` });
    }
  }
  return { tiles, maxAbs };
}

export function kernelTileCount(bank: KernelBank, mode: KernelColourMode): number {
  const [count, , , cin] = bank.shape;
  return mode === 'rgb' && cin === 3 ? count : count * cin;
}

/** Lays tiles out in rows of `columns` (default: about square, at least as wide as tall). */
export function kernelImage(bank: KernelBank, mode: KernelColourMode, columns?: number): KernelImageData {
  const { tiles, maxAbs } = kernelTiles(bank, mode);
  const k = bank.shape[1];
  const cols = Math.max(1, Math.min(tiles.length, columns ?? Math.ceil(Math.sqrt(tiles.length * 2))));
  const rows = Math.max(1, Math.ceil(tiles.length / cols));
  const width = cols * (k + 1) + 1;
  const height = rows * (k + 1) + 1;
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba.set([...GAP_COLOUR, 255], i * 4);
  }
  tiles.forEach((tile, index) => {
    const left = (index % cols) * (k + 1) + 1;
    const top = Math.floor(index / cols) * (k + 1) + 1;
    tile.colours.forEach((colour, tap) => {
      const offset = ((top + Math.floor(tap / k)) * width + left + (tap % k)) * 4;
      rgba.set([...colour, 255], offset);
    });
  });
  return { width, height, rgba, k, columns: cols, rows, maxAbs, tiles };
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
