// Dense float64 matrix helpers (row-major Float64Array) for reference maths in tests and readouts.
// Deliberately plain loops: these are the independent check on the tf/WGSL float32 paths.

/** Row-major product of a [m, k] and b [k, n]. */
export function matmul(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  if (a.length !== m * k || b.length !== k * n)
    throw new Error(`matmul: sizes ${a.length}, ${b.length} do not fit [${m}x${k}] [${k}x${n}]`);
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i += 1) {
    const rowOut = i * n;
    for (let p = 0; p < k; p += 1) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      const rowB = p * n;
      for (let j = 0; j < n; j += 1) out[rowOut + j] += aip * b[rowB + j];
    }
  }
  return out;
}

/** Transpose of a [rows, cols] matrix. */
export function transpose(a: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i += 1) for (let j = 0; j < cols; j += 1) out[j * rows + i] = a[i * cols + j];
  return out;
}

export function identity(n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) out[i * n + i] = 1;
  return out;
}

export function frobeniusNorm(a: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += a[i] * a[i];
  return Math.sqrt(sum);
}

/** ||a - b||_F / ||b||_F. */
export function relativeFrobeniusError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relativeFrobeniusError: lengths ${a.length} and ${b.length} differ`);
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff += (a[i] - b[i]) ** 2;
  return Math.sqrt(diff) / frobeniusNorm(b);
}

/** (a + a^T) / 2 of an n x n matrix. */
export function symmetrize(a: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) out[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
  return out;
}

/** a + shift * I for an n x n matrix (copy). */
export function addDiagonal(a: ArrayLike<number>, n: number, shift: number): Float64Array {
  const out = Float64Array.from(a);
  for (let i = 0; i < n; i += 1) out[i * n + i] += shift;
  return out;
}

/** Largest |a_ij - a_ji| relative to the largest |a_ij| (0 for a symmetric matrix). */
export function asymmetry(a: ArrayLike<number>, n: number): number {
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) {
      scale = Math.max(scale, Math.abs(a[i * n + j]));
      if (j > i) worst = Math.max(worst, Math.abs(a[i * n + j] - a[j * n + i]));
    }
  }
  return scale === 0 ? 0 : worst / scale;
}
