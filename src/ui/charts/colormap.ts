// The app's one diverging colour map, symmetric around zero (ColorBrewer RdBu anchors: negative
// blue, zero near white, positive red), the RGB composite for 3-channel data, and lookup tables
// sampled from them so images render without per-pixel interpolation.

export type Rgb = [number, number, number];

// From most negative to most positive.
const ANCHORS: readonly Rgb[] = [
  [5, 48, 97],
  [33, 102, 172],
  [67, 147, 195],
  [146, 197, 222],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [244, 165, 130],
  [214, 96, 77],
  [178, 24, 43],
  [103, 0, 31],
];

/** Colour for `value` on a scale where ±maxAbs are the ends; 0 is the middle (near white); black if not finite. */
export function divergingColour(value: number, maxAbs: number): Rgb {
  if (!Number.isFinite(value)) return [0, 0, 0];
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  const position = ((t + 1) / 2) * (ANCHORS.length - 1);
  const index = Math.min(ANCHORS.length - 2, Math.floor(position));
  const fraction = position - index;
  const a = ANCHORS[index];
  const b = ANCHORS[index + 1];
  return [0, 1, 2].map((channel) => Math.round(a[channel] + (b[channel] - a[channel]) * fraction)) as Rgb;
}

/** RGB composite for a 3-channel value: 0.5 + v / (2 maxAbs) per channel, clamped to [0, 1]. */
export function compositeColour(values: readonly number[], maxAbs: number): Rgb {
  return [0, 1, 2].map((channel) => {
    const v = values[channel] ?? 0;
    const unit = maxAbs > 0 ? 0.5 + v / (2 * maxAbs) : 0.5;
    return Math.round(255 * Math.max(0, Math.min(1, Number.isFinite(unit) ? unit : 0)));
  }) as Rgb;
}

export function maxAbsOf(values: readonly number[]): number {
  let max = 0;
  for (const value of values) if (Number.isFinite(value) && Math.abs(value) > max) max = Math.abs(value);
  return max;
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/** The map sampled at `levels` evenly spaced values from -1 to 1, RGB triples. */
function sampleMap(levels: number): Uint8Array {
  const table = new Uint8Array(levels * 3);
  for (let i = 0; i < levels; i += 1) table.set(divergingColour((2 * i) / (levels - 1) - 1, 1), i * 3);
  return table;
}

// Images of signed values: 256 levels, indexed by divergingIndex.
const IMAGE_LEVELS = 256;
const IMAGE_TABLE = sampleMap(IMAGE_LEVELS);

/** Lookup index (0..255) of value v on the symmetric scale [-range, range] (clamped). */
export function divergingIndex(v: number, range: number): number {
  const t = range > 0 ? 0.5 + v / (2 * range) : 0.5;
  return Math.round(Math.min(1, Math.max(0, t)) * (IMAGE_LEVELS - 1));
}

export function divergingRgb(v: number, range: number): Rgb {
  const i = divergingIndex(v, range) * 3;
  return [IMAGE_TABLE[i], IMAGE_TABLE[i + 1], IMAGE_TABLE[i + 2]];
}

export function divergingCss(v: number, range: number): string {
  return rgbCss(divergingRgb(v, range));
}

// Kernel images: 511 levels, so that zero (index 255) is exactly the map's middle colour.
let kernelTable: Uint8Array | null = null;

/** The map sampled at 511 levels (index 255 = zero), built once. */
export function divergingLut(): Uint8Array {
  kernelTable ??= sampleMap(511);
  return kernelTable;
}

/** divergingLut() index for `value` on a ±maxAbs scale (black for non-finite values is handled by callers). */
export function lutIndex(value: number, maxAbs: number): number {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  return Math.round(t * 255) + 255;
}

/**
 * RGBA pixels for an HWC image of signed values: one channel -> diverging map; three channels ->
 * the composite 0.5 + v / (2 range) per channel (grey where the whitened value is zero).
 */
export function signedImageToRgba(
  values: Float32Array,
  width: number,
  height: number,
  channels: 1 | 3,
  range: number,
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  const scale = range > 0 ? 255 / (2 * range) : 0;
  for (let p = 0; p < width * height; p += 1) {
    const q = p * 4;
    if (channels === 1) {
      const i = divergingIndex(values[p], range) * 3;
      out[q] = IMAGE_TABLE[i];
      out[q + 1] = IMAGE_TABLE[i + 1];
      out[q + 2] = IMAGE_TABLE[i + 2];
    } else {
      out[q] = 127.5 + values[p * 3] * scale;
      out[q + 1] = 127.5 + values[p * 3 + 1] * scale;
      out[q + 2] = 127.5 + values[p * 3 + 2] * scale;
    }
    out[q + 3] = 255;
  }
  return out;
}

/** Symmetric display range: `sigmas` root-mean-square values (whitened data is centred), capped at `cap`. */
export function rmsRange(values: Float32Array, sigmas: number, cap = Infinity): number {
  let sq = 0;
  for (let i = 0; i < values.length; i += 1) sq += values[i] * values[i];
  const rms = Math.sqrt(sq / Math.max(1, values.length));
  return Math.min(cap, sigmas * rms) || cap || 1;
}
