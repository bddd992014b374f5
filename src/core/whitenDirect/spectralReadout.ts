// The whitening view's spectrum readouts (core/whitenSpectrum.ts) from the eigendecomposition that
// already gave D: D and (cov + eps I)^(-1/2) share the eigenvectors, so every readout is a sum over
// eigenvalues instead of more n x n products and a second eigendecomposition.
import type { SpectrumReadout } from '../whitenSpectrum';
import type { SpectralIsqrt } from './spectralIsqrt';

export function spectralReadout(s: SpectralIsqrt): SpectrumReadout {
  const { values, dValues } = s;
  // D (cov + eps I) D = U diag(d_i^2 lambda_i) U^T.
  const whitened = Array.from(values, (lambda, i) => dValues[i] * dValues[i] * lambda).sort((a, b) => b - a);
  // ||D - exact||_F^2 = sum (d_i - lambda_i^(-1/2))^2 and ||exact||_F^2 = sum 1 / lambda_i (U is orthogonal).
  let diff = 0;
  let exact = 0;
  values.forEach((lambda, i) => {
    const e = 1 / Math.sqrt(lambda);
    diff += (dValues[i] - e) ** 2;
    exact += e * e;
  });
  return { eigenvalues: Array.from(values), whitenedEigenvalues: whitened, isqrtRelativeError: Math.sqrt(diff) / Math.sqrt(exact) };
}
