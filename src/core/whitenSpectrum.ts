// Float64 readouts of a whitening: spectra and the distance of the iterated D from the exact one.
import { symmetricEigenFast } from './reference/tridiagonalEigen';
import { addDiagonal, matmul, relativeFrobeniusError, symmetrize, transpose } from './reference/matrix';
import { inverseSqrt } from './reference/matrixFunctions';

/**
 * Eigenvalues (descending) of D C D: all 1 when D = C^(-1/2); below 1 where the iteration has not whitened yet.
 * Pass C's eigenvectors (columns) when known: D is (nearly) a function of C, so U^T D C D U is nearly
 * diagonal (the eigenvalues are the same; the rotation only makes them cheaper to find).
 */
export function whitenedEigenvalues(d: ArrayLike<number>, cov: ArrayLike<number>, n: number, covVectors?: Float64Array): number[] {
  const d64 = Float64Array.from(d);
  let dcd = matmul(matmul(d64, Float64Array.from(cov), n, n, n), d64, n, n, n);
  if (covVectors) dcd = matmul(matmul(transpose(covVectors, n, n), dcd, n, n, n), covVectors, n, n, n);
  return Array.from(symmetricEigenFast(symmetrize(dcd, n), n).values);
}

export interface SpectrumReadout {
  /** Eigenvalues of cov + eps I, descending. */
  eigenvalues: number[];
  /** Eigenvalues of D (cov + eps I) D, descending. */
  whitenedEigenvalues: number[];
  /** ||D - (cov + eps I)^(-1/2)||_F / ||(cov + eps I)^(-1/2)||_F with the exact root in float64. */
  isqrtRelativeError: number;
}

/** `cov` is without eps (as patchCovariance returns it); `d` is the iterated inverse square root of cov + eps I. */
export function spectrumReadout(cov: ArrayLike<number>, d: ArrayLike<number>, n: number, eps: number): SpectrumReadout {
  const covEps = addDiagonal(cov, n, eps);
  const symmetric = symmetrize(covEps, n);
  const eigen = symmetricEigenFast(symmetric, n);
  const exact = inverseSqrt(symmetric, n, eigen);
  return {
    eigenvalues: Array.from(eigen.values),
    whitenedEigenvalues: whitenedEigenvalues(d, symmetric, n, eigen.vectors),
    isqrtRelativeError: relativeFrobeniusError(d, exact),
  };
}
