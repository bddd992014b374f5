// The reflect padding both convolutions read from: channel planes of the image padded by `half` on
// every side, each (H + 2h) x (W + 2h), as tf.mirrorPad 'reflect' pads (the edge is not repeated).

/** The weights of a convolution of an HWC image: out[o] = sum over (c, dy, dx) of w[o, c, dy, dx] * padded[c] - bias[o]. */
export interface ConvWeights {
  /** [cOut, cIn, k, k], row-major. */
  weights: ArrayLike<number>;
  cOut: number;
  cIn: number;
  kernel: number;
  /** Subtracted from each output channel, length cOut. */
  bias: ArrayLike<number>;
}

/** Index into [0, size) of v reflected at the borders without repeating the edge (tf.mirrorPad 'reflect'). */
export function reflectIndex(v: number, size: number): number {
  if (v < 0) return -v;
  return v >= size ? 2 * size - 2 - v : v;
}

/** Checks the pixel count and that the image can be reflect-padded by half the kernel. */
export function checkConvInput(pixels: Float32Array, height: number, width: number, w: ConvWeights): void {
  if (pixels.length !== height * width * w.cIn)
    throw new Error(`convolveReflect: ${pixels.length} values do not fit ${height}x${width}x${w.cIn}`);
  const half = (w.kernel - 1) / 2;
  if (height <= half || width <= half) throw new Error(`convolveReflect: a ${width}x${height} image cannot be reflect-padded by ${half}`);
}

/** Writes the padded planes into `planes` (from index 0, row stride `stride` >= W + 2h values), minus `offset[c]` when given. */
export function fillPaddedPlanes(
  planes: Float32Array,
  stride: number,
  image: { pixels: Float32Array; height: number; width: number; channels: number },
  half: number,
  offset?: ArrayLike<number>,
): void {
  const { pixels, height, width, channels } = image;
  const pw = width + 2 * half;
  const ph = height + 2 * half;
  const cols = Int32Array.from({ length: pw }, (_, px) => reflectIndex(px - half, width));
  for (let py = 0; py < ph; py += 1) {
    const rowStart = reflectIndex(py - half, height) * width;
    for (let c = 0; c < channels; c += 1) {
      const dst = (c * ph + py) * stride;
      const shift = offset ? offset[c] : 0;
      for (let px = 0; px < pw; px += 1) planes[dst + px] = pixels[(rowStart + cols[px]) * channels + c] - shift;
    }
  }
}
