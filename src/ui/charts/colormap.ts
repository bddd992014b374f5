// Diverging colour map symmetric around zero (RdBu-like: positive red, negative blue, zero white)
// and the RGB composite, as 256-entry lookup tables so images render without string parsing.
import { color, interpolateRdBu } from 'd3';

export type Rgb = [number, number, number];

const LUT_SIZE = 256;

function buildDivergingLut(): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(LUT_SIZE * 3);
  for (let i = 0; i < LUT_SIZE; i += 1) {
    // interpolateRdBu runs red (0) -> white (0.5) -> blue (1): flip so that positive is red.
    const rgb = color(interpolateRdBu(1 - i / (LUT_SIZE - 1)))?.rgb();
    lut[i * 3] = rgb?.r ?? 0;
    lut[i * 3 + 1] = rgb?.g ?? 0;
    lut[i * 3 + 2] = rgb?.b ?? 0;
  }
  return lut;
}

const DIVERGING = buildDivergingLut();

/** Lookup index of value v on the symmetric scale [-range, range] (clamped). */
export function divergingIndex(v: number, range: number): number {
  const t = range > 0 ? 0.5 + v / (2 * range) : 0.5;
  return Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1));
}

export function divergingRgb(v: number, range: number): Rgb {
  const i = divergingIndex(v, range) * 3;
  return [DIVERGING[i], DIVERGING[i + 1], DIVERGING[i + 2]];
}

export function divergingCss(v: number, range: number): string {
  const [r, g, b] = divergingRgb(v, range);
  return `rgb(${r} ${g} ${b})`;
}

/**
 * RGBA pixels for an HWC image of signed values: one channel -> diverging map; three channels ->
 * the composite 0.5 + v / (2 range) per channel (grey where the whitened value is zero).
 */
export function signedImageToRgba(values: Float32Array, width: number, height: number, channels: 1 | 3, range: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(width * height * 4);
  const scale = range > 0 ? 255 / (2 * range) : 0;
  for (let p = 0; p < width * height; p += 1) {
    const q = p * 4;
    if (channels === 1) {
      const i = divergingIndex(values[p], range) * 3;
      out[q] = DIVERGING[i];
      out[q + 1] = DIVERGING[i + 1];
      out[q + 2] = DIVERGING[i + 2];
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
