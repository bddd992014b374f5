// D = (cov + eps I)^(-1/2) by K coupled Newton–Schulz steps (docs/algorithm.md §3, src/core/newtonSchulz.ts),
// evaluated on the eigenvalues. With A = U diag(lambda) U^T, Y0 = A / ||A||_F and Z0 = I are
// functions of A, so every iterate is too: T = (3I - Z Y) / 2 = U diag((3 - z y) / 2) U^T, and
// Z_K = U diag(z_K(lambda_i / ||A||_F)) U^T with the scalar iteration below. In exact arithmetic this
// is the matrix iteration itself, K steps and all (a K that has not converged whitens exactly as
// little); in float64 it is free of the float32 matrix products' rounding. The eigendecomposition is
// the one the spectrum readout needs anyway, and cov + eps I has cov's eigenvectors, so it is done
// once per covariance: changing eps or K costs O(n) here.
import { symmetricEigenFast } from '../reference/tridiagonalEigen';

/** The coupled iteration on one eigenvalue: y0 = x, z0 = 1; K times t = (3 - z y) / 2, y = y t, z = t z. */
export function newtonSchulzScalar(x: number, iters: number): { y: number; z: number } {
  let y = x;
  let z = 1;
  for (let i = 0; i < iters; i += 1) {
    const t = 0.5 * (3 - z * y);
    y *= t;
    z *= t;
  }
  return { y, z };
}

/** Eigendecomposition of a patch covariance (without eps), plus what ||cov + eps I||_F needs. */
export interface CovarianceSpectrum {
  n: number;
  /** Eigenvalues of cov, descending. */
  values: Float64Array;
  /** Their eigenvectors, as the columns of a row-major n x n matrix. */
  vectors: Float64Array;
  /** ||cov||_F^2 and trace(cov), from the entries. */
  sumSquares: number;
  trace: number;
}

export function covarianceSpectrum(cov: ArrayLike<number>, n: number): CovarianceSpectrum {
  const { values, vectors } = symmetricEigenFast(cov, n);
  let sumSquares = 0;
  let trace = 0;
  for (let i = 0; i < n * n; i += 1) sumSquares += cov[i] * cov[i];
  for (let i = 0; i < n; i += 1) trace += cov[i * n + i];
  return { n, values, vectors, sumSquares, trace };
}

export interface SpectralIsqrt {
  n: number;
  /** Eigenvalues of cov + eps I, descending. */
  values: Float64Array;
  /** Their eigenvectors (cov's), columns of a row-major n x n matrix. */
  vectors: Float64Array;
  /** Eigenvalues of the iterated D on the same vectors: z_K(lambda_i / s) / sqrt(s), s = ||cov + eps I||_F. */
  dValues: Float64Array;
}

/** D of cov + eps I after `iters` (K) steps, from cov's spectrum. */
export function spectralNewtonSchulz(spectrum: CovarianceSpectrum, eps: number, iters: number): SpectralIsqrt {
  const { n, vectors } = spectrum;
  const values = spectrum.values.map((lambda) => lambda + eps);
  const smallest = values[n - 1];
  // The same message as the exact root of the readout (reference/matrixFunctions inverseSqrt).
  if (!(smallest > 0)) throw new Error(`inverseSqrt: matrix is not positive definite (smallest eigenvalue ${smallest})`);
  // ||cov + eps I||_F^2 = ||cov||_F^2 + 2 eps trace(cov) + n eps^2.
  const norm = Math.sqrt(spectrum.sumSquares + 2 * eps * spectrum.trace + n * eps * eps);
  const root = Math.sqrt(norm);
  const dValues = values.map((lambda) => newtonSchulzScalar(lambda / norm, iters).z / root);
  return { n, values, vectors, dValues };
}

/** Rows `rows` of D = U diag(dValues) U^T, each of length n, concatenated. */
export function isqrtRows(s: SpectralIsqrt, rows: readonly number[]): Float64Array {
  const { n, vectors, dValues } = s;
  const out = new Float64Array(rows.length * n);
  rows.forEach((r, k) => {
    for (let i = 0; i < n; i += 1) {
      const w = vectors[r * n + i] * dValues[i];
      if (w === 0) continue;
      for (let j = 0; j < n; j += 1) out[k * n + j] += w * vectors[j * n + i];
    }
  });
  return out;
}
