/**
 * Area-average ("box") downscaling of interleaved uint8 images.
 *
 * Each output pixel is the mean of the source area it covers, with fractional weights at the
 * borders of that area, so no source pixel is skipped (unlike nearest or bilinear sampling,
 * which alias when shrinking by more than 2x). The filter is separable: rows first, then
 * columns, in float64, rounded once at the end.
 */

export interface RasterImage {
  width: number;
  height: number;
  channels: number;
  /** Interleaved pixels, row-major: index = (y * width + x) * channels + c. */
  data: Uint8Array;
}

/** Size that fits inside `maxSide` on the long side, keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  const longSide = Math.max(width, height);
  if (longSide <= maxSide) return { width, height };
  const scale = maxSide / longSide;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

/** For each output index, the source indices it covers and their weights (summing to 1). */
function coverageWeights(srcSize: number, dstSize: number): { start: number; weights: number[] }[] {
  const ratio = srcSize / dstSize;
  const result: { start: number; weights: number[] }[] = [];
  for (let o = 0; o < dstSize; o++) {
    const lo = o * ratio;
    const hi = (o + 1) * ratio;
    const start = Math.floor(lo);
    const end = Math.min(srcSize, Math.ceil(hi));
    const weights: number[] = [];
    for (let s = start; s < end; s++) {
      const overlap = Math.min(hi, s + 1) - Math.max(lo, s);
      weights.push(overlap / ratio);
    }
    result.push({ start, weights });
  }
  return result;
}

/** Downscale `image` to exactly `width` x `height` (each no larger than the source's). */
export function resizeArea(image: RasterImage, width: number, height: number): RasterImage {
  const { width: sw, height: sh, channels: ch, data } = image;
  if (data.length !== sw * sh * ch) {
    throw new Error(`resizeArea: data has ${data.length} bytes, expected ${sw}x${sh}x${ch} = ${sw * sh * ch}`);
  }
  if (!(width >= 1 && height >= 1 && width <= sw && height <= sh)) {
    throw new Error(`resizeArea only shrinks: ${sw}x${sh} -> ${width}x${height} is not allowed`);
  }
  const cols = coverageWeights(sw, width);
  const rows = coverageWeights(sh, height);

  // Pass 1: shrink each source row horizontally.
  const horizontal = new Float64Array(sh * width * ch);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < width; x++) {
      const { start, weights } = cols[x];
      for (let c = 0; c < ch; c++) {
        let sum = 0;
        for (let k = 0; k < weights.length; k++) sum += weights[k] * data[(y * sw + start + k) * ch + c];
        horizontal[(y * width + x) * ch + c] = sum;
      }
    }
  }
  // Pass 2: shrink each column vertically, then round once.
  const out = new Uint8Array(width * height * ch);
  for (let y = 0; y < height; y++) {
    const { start, weights } = rows[y];
    for (let i = 0; i < width * ch; i++) {
      let sum = 0;
      for (let k = 0; k < weights.length; k++) sum += weights[k] * horizontal[(start + k) * width * ch + i];
      out[y * width * ch + i] = Math.min(255, Math.max(0, Math.round(sum)));
    }
  }
  return { width, height, channels: ch, data: out };
}
