// Diverging colour map symmetric around zero (ColorBrewer RdBu anchors: negative blue,
// zero near white, positive red), and the RGB composite used for 3-channel kernels.

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

/** Colour for `value` on a scale where ±maxAbs are the ends; 0 is the middle (near white). */
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

/** RGB composite for a 3-channel tap: 0.5 + v / (2 maxAbs), clamped to [0, 1]. */
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

const LUT_SIZE = 511;
let lut: Uint8Array | null = null;

/** The diverging map sampled at 511 levels (index 255 = zero), built once. */
export function divergingLut(): Uint8Array {
  if (!lut) {
    lut = new Uint8Array(LUT_SIZE * 3);
    for (let i = 0; i < LUT_SIZE; i++) lut.set(divergingColour((i - 255) / 255, 1), i * 3);
  }
  return lut;
}

/** LUT index for `value` on a ±maxAbs scale (black for non-finite values is handled by callers). */
export function lutIndex(value: number, maxAbs: number): number {
  const t = maxAbs > 0 ? Math.max(-1, Math.min(1, value / maxAbs)) : 0;
  return Math.round(t * 255) + 255;
}
