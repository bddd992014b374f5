// Patch mean and covariance of one HWC image straight from its Float32Array, in float64: the same
// statistics as patchCovariance(x, { padding: 'valid' }) (im2col, mean, centred X^T X / M) without
// building the patch matrix. A patch vector is ordered (dy, dx, c), so patch row dy is the
// contiguous run of k*C values of image row y + dy starting at column x.

export interface PatchMoments {
  /** Length n = k*k*C. */
  mean: Float64Array;
  /** n x n, row-major, symmetric, WITHOUT eps. */
  cov: Float64Array;
  /** M, the number of sampled patches. */
  count: number;
}

export interface PatchGrid {
  /** Sampled positions per column and per row: ceil((H - k + 1) / s), ceil((W - k + 1) / s). */
  rows: number;
  cols: number;
}

/** The sampled top-left corners: (s*i, s*j) for the patches lying fully inside the image. */
export function patchGrid(height: number, width: number, kernel: number, stride: number): PatchGrid {
  const outH = height - kernel + 1;
  const outW = width - kernel + 1;
  if (outH < 1 || outW < 1) throw new Error(`the image (${width}x${height}) is smaller than the ${kernel}x${kernel} kernel`);
  return { rows: Math.ceil(outH / stride), cols: Math.ceil(outW / stride) };
}

/** Patches gathered per block: the n x BLOCK float64 panel stays in the L2 cache while it is multiplied. */
const BLOCK = 128;

/** Copies the centred patches of positions [first, first + count) into panel[i * BLOCK + m] (feature-major). */
function fillPanel(
  panel: Float64Array,
  data: Float32Array,
  shape: { width: number; channels: number; kernel: number; stride: number; cols: number },
  mean: Float64Array,
  first: number,
  count: number,
): void {
  const { width, channels, kernel, stride, cols } = shape;
  const run = kernel * channels;
  for (let m = 0; m < count; m += 1) {
    const p = first + m;
    const y = Math.floor(p / cols) * stride;
    const x = (p % cols) * stride;
    for (let dy = 0; dy < kernel; dy += 1) {
      const src = ((y + dy) * width + x) * channels;
      const feature = dy * run;
      for (let t = 0; t < run; t += 1) panel[(feature + t) * BLOCK + m] = data[src + t] - mean[feature + t];
    }
  }
}

/**
 * panel * panel^T added to acc (np x np, np = n rounded up to a multiple of 4, the padding rows of the
 * panel are zero), four rows by two columns at a time: 6 loads per 8 multiply-adds. Only blocks on or
 * above the diagonal are computed; the upper triangle is complete, the lower one is not.
 */
function accumulateGram(acc: Float64Array, panel: Float64Array, np: number, count: number): void {
  for (let i = 0; i < np; i += 4) {
    const a0 = i * BLOCK;
    const a1 = a0 + BLOCK;
    const a2 = a1 + BLOCK;
    const a3 = a2 + BLOCK;
    for (let j = i; j < np; j += 2) {
      const b0 = j * BLOCK;
      const b1 = b0 + BLOCK;
      let s00 = 0,
        s01 = 0,
        s10 = 0,
        s11 = 0,
        s20 = 0,
        s21 = 0,
        s30 = 0,
        s31 = 0;
      for (let m = 0; m < count; m += 1) {
        const v0 = panel[b0 + m];
        const v1 = panel[b1 + m];
        let u = panel[a0 + m];
        s00 += u * v0;
        s01 += u * v1;
        u = panel[a1 + m];
        s10 += u * v0;
        s11 += u * v1;
        u = panel[a2 + m];
        s20 += u * v0;
        s21 += u * v1;
        u = panel[a3 + m];
        s30 += u * v0;
        s31 += u * v1;
      }
      const r = i * np + j;
      acc[r] += s00;
      acc[r + 1] += s01;
      acc[r + np] += s10;
      acc[r + np + 1] += s11;
      acc[r + 2 * np] += s20;
      acc[r + 2 * np + 1] += s21;
      acc[r + 3 * np] += s30;
      acc[r + 3 * np + 1] += s31;
    }
  }
}

/** Column means of the sampled patch matrix, summed in float64. */
function patchMean(
  data: Float32Array,
  shape: { width: number; channels: number; kernel: number; stride: number },
  grid: PatchGrid,
): Float64Array {
  const { width, channels, kernel, stride } = shape;
  const run = kernel * channels;
  const sum = new Float64Array(kernel * run);
  for (let i = 0; i < grid.rows; i += 1) {
    for (let j = 0; j < grid.cols; j += 1) {
      for (let dy = 0; dy < kernel; dy += 1) {
        const src = ((i * stride + dy) * width + j * stride) * channels;
        const feature = dy * run;
        for (let t = 0; t < run; t += 1) sum[feature + t] += data[src + t];
      }
    }
  }
  const count = grid.rows * grid.cols;
  return sum.map((v) => v / count);
}

/** Mean and covariance (divided by M, no eps) of the k x k patches at every `stride`-th position, 'valid'. */
export function patchMoments(
  image: { data: Float32Array; height: number; width: number; channels: number },
  kernel: number,
  stride: number,
): PatchMoments {
  const { data, height, width, channels } = image;
  const grid = patchGrid(height, width, kernel, stride);
  const count = grid.rows * grid.cols;
  const n = kernel * kernel * channels;
  const shape = { width, channels, kernel, stride, cols: grid.cols };
  const mean = patchMean(data, shape, grid);
  const np = Math.ceil(n / 4) * 4;
  const acc = new Float64Array(np * np);
  const panel = new Float64Array(np * BLOCK);
  for (let first = 0; first < count; first += BLOCK) {
    const size = Math.min(BLOCK, count - first);
    fillPanel(panel, data, shape, mean, first, size);
    accumulateGram(acc, panel, np, size);
  }
  const cov = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      const v = acc[i * np + j] / count;
      cov[i * n + j] = v;
      cov[j * n + i] = v;
    }
  }
  return { mean, cov, count };
}
