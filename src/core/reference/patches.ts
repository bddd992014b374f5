// Float64 patch statistics by explicit im2col: the independent check on src/core/patchCovariance.ts.
// Same conventions: patch index (dy * k + dx) * C + c, zero padding, positions sampled every
// `samplingStride` from (0, 0) of the output grid.

export interface PatchStats64 {
  mean: Float64Array;
  /** (X - mean)^T (X - mean) / M, without eps. */
  cov: Float64Array;
  count: number;
}

export interface PatchOptions64 {
  kernel: number;
  samplingStride: number;
  padding: 'valid' | 'same' | number;
  dilation?: number;
}

/** `x` is NHWC with the given shape [batch, height, width, channels]. */
export function patchStats64(x: ArrayLike<number>, shape: readonly [number, number, number, number], opts: PatchOptions64): PatchStats64 {
  const [batch, height, width, channels] = shape;
  const { kernel: k, samplingStride: stride } = opts;
  const dilation = opts.dilation ?? 1;
  const pad = opts.padding === 'valid' ? 0 : opts.padding === 'same' ? Math.floor(((k - 1) * dilation) / 2) : opts.padding;
  const span = (k - 1) * dilation + 1;
  const outH = height + 2 * pad - span + 1;
  const outW = width + 2 * pad - span + 1;
  const n = k * k * channels;
  const rows: Float64Array[] = [];
  for (let b = 0; b < batch; b += 1) {
    for (let oy = 0; oy < outH; oy += stride) {
      for (let ox = 0; ox < outW; ox += stride) {
        const patch = new Float64Array(n);
        for (let dy = 0; dy < k; dy += 1) {
          for (let dx = 0; dx < k; dx += 1) {
            const iy = oy + dy * dilation - pad;
            const ix = ox + dx * dilation - pad;
            if (iy < 0 || ix < 0 || iy >= height || ix >= width) continue;
            for (let c = 0; c < channels; c += 1) patch[(dy * k + dx) * channels + c] = x[((b * height + iy) * width + ix) * channels + c];
          }
        }
        rows.push(patch);
      }
    }
  }
  return { ...rowStatistics64(rows), count: rows.length };
}

/** Mean and covariance (X - mean)^T (X - mean) / M, n x n row-major, of M rows of length n. */
export function rowStatistics64(rows: readonly ArrayLike<number>[]): { mean: Float64Array; cov: Float64Array } {
  const count = rows.length;
  const n = rows[0].length;
  const mean = new Float64Array(n);
  for (const row of rows) for (let i = 0; i < n; i += 1) mean[i] += row[i] / count;
  const cov = new Float64Array(n * n);
  for (const row of rows) {
    for (let i = 0; i < n; i += 1) {
      const di = row[i] - mean[i];
      for (let j = 0; j < n; j += 1) cov[i * n + j] += (di * (row[j] - mean[j])) / count;
    }
  }
  return { mean, cov };
}
