// Seeded random numbers and random SPD test matrices with a chosen spectrum (float64).
import { mulberry32 } from '../mulberry32';
import { matmul, transpose } from './matrix';

export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

/** mulberry32 generator with Box–Muller normals: reproducible across runs and platforms. */
export function seededRng(seed: number): Rng {
  const uniform = mulberry32(seed);
  const normal = (): number => {
    const u1 = 1 - uniform(); // (0, 1]: log stays finite
    const u2 = uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  return { uniform, normal };
}

/** Random orthogonal n x n matrix: modified Gram–Schmidt on the columns of a Gaussian matrix. */
export function randomOrthogonal(n: number, rng: Rng): Float64Array {
  const cols: Float64Array[] = [];
  for (let j = 0; j < n; j += 1) {
    const v = Float64Array.from({ length: n }, () => rng.normal());
    for (const q of cols) {
      let dot = 0;
      for (let i = 0; i < n; i += 1) dot += q[i] * v[i];
      for (let i = 0; i < n; i += 1) v[i] -= dot * q[i];
    }
    const norm = Math.hypot(...v);
    cols.push(v.map((x) => x / norm));
  }
  const out = new Float64Array(n * n);
  cols.forEach((q, j) => q.forEach((x, i) => (out[i * n + j] = x)));
  return out;
}

/** Q diag(values) Q^T with a random orthogonal Q; returns the matrix and Q (eigenvectors as columns). */
export function spdWithEigenvalues(values: ArrayLike<number>, rng: Rng): { matrix: Float64Array; vectors: Float64Array } {
  const n = values.length;
  const q = randomOrthogonal(n, rng);
  const scaled = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) scaled[i * n + j] = q[i * n + j] * values[j];
  const matrix = matmul(scaled, transpose(q, n, n), n, n, n);
  // Symmetric to the last bit, so symmetric-input checks never trip on rounding.
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) matrix[j * n + i] = matrix[i * n + j];
  return { matrix, vectors: q };
}

/** Random SPD matrix with eigenvalues log-spaced from 1 down to 1/condition. */
export function randomSpd(n: number, condition: number, rng: Rng): Float64Array {
  const values = Float64Array.from({ length: n }, (_, i) => (n === 1 ? 1 : condition ** (-i / (n - 1))));
  return spdWithEigenvalues(values, rng).matrix;
}
