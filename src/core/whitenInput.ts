// Types and validation of the whitening view's input, plus the grey conversion.

export interface ImageInput {
  /** HWC, values in [0, 1]. */
  data: Float32Array;
  height: number;
  width: number;
  channels: 1 | 3;
}

export interface WhitenOptions {
  /** Patch (and kernel) size k: odd, 1..9. */
  kernel: number;
  /** Added to the covariance diagonal before the inverse square root (> 0). */
  eps: number;
  /** Newton–Schulz iterations K, 1..30. */
  iters: number;
  /** Statistics use the patches lying fully inside the image, at every `samplingStride`-th position in each direction starting at (0, 0) (>= 1). */
  samplingStride: number;
  /** Convert RGB to luminance before whitening. */
  grey: boolean;
}

export const WHITEN_LIMITS = { maxKernel: 9, maxIters: 30 } as const;

/** Throws an Error with a user-facing message when an option or the image is unusable. */
export function validateWhitenInput(img: ImageInput, opts: WhitenOptions): void {
  validateWhitenShape(img, opts);
  for (let i = 0; i < img.data.length; i += 1) {
    if (!Number.isFinite(img.data[i])) throw new Error(`image value ${i} is not a finite number`);
  }
}

/** validateWhitenInput without the scan of every pixel (for pixels already checked). */
export function validateWhitenShape(img: ImageInput, opts: WhitenOptions): void {
  const { kernel, eps, iters, samplingStride } = opts;
  if (!Number.isInteger(kernel) || kernel < 1 || kernel > WHITEN_LIMITS.maxKernel || kernel % 2 === 0) {
    throw new Error(`kernel size must be an odd whole number from 1 to ${WHITEN_LIMITS.maxKernel}, got ${kernel}`);
  }
  if (!Number.isInteger(iters) || iters < 1 || iters > WHITEN_LIMITS.maxIters) {
    throw new Error(`Newton–Schulz iterations must be a whole number from 1 to ${WHITEN_LIMITS.maxIters}, got ${iters}`);
  }
  if (!(Number.isFinite(eps) && eps > 0)) throw new Error(`eps must be a number greater than 0, got ${eps}`);
  if (!Number.isInteger(samplingStride) || samplingStride < 1) {
    throw new Error(`sampling stride must be a whole number of at least 1, got ${samplingStride}`);
  }
  const { height, width, channels, data } = img;
  if (channels !== 1 && channels !== 3) throw new Error(`images must have 1 or 3 channels, got ${String(channels)}`);
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < 1 || width < 1) {
    throw new Error(`image size must be whole numbers of pixels, got ${width}x${height}`);
  }
  if (data.length !== height * width * channels) {
    throw new Error(`image data has ${data.length} values, expected ${height}x${width}x${channels} = ${height * width * channels}`);
  }
  if (height < kernel || width < kernel) {
    throw new Error(`the image (${width}x${height}) is smaller than the ${kernel}x${kernel} kernel`);
  }
}

/** Rec. 601 luma weights, the usual "greyscale" of an sRGB photo. */
const LUMA = [0.299, 0.587, 0.114] as const;

/** A 1-channel copy for `grey`; the image itself when it already has one channel. */
export function toLuminance(img: ImageInput): ImageInput {
  if (img.channels === 1) return img;
  const pixels = img.height * img.width;
  const data = new Float32Array(pixels);
  for (let p = 0; p < pixels; p += 1) data[p] = LUMA[0] * img.data[3 * p] + LUMA[1] * img.data[3 * p + 1] + LUMA[2] * img.data[3 * p + 2];
  return { data, height: img.height, width: img.width, channels: 1 };
}
