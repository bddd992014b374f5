import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './reference/jacobi';
import { newtonSchulz64 } from './reference/matrixFunctions';
import { randomSpd, seededRng } from './reference/random';
import { spectrumReadout, whitenedEigenvalues } from './whitenSpectrum';

describe('whitening spectra', () => {
  const n = 20;
  const cov = randomSpd(n, 1e4, seededRng(3));

  it('whitenedEigenvalues: all 1 (1e-9) for the exact root, partial below 1 for K=5; the warm start changes nothing (1e-12)', () => {
    const converged = newtonSchulz64(cov, n, 40).isqrt;
    for (const v of whitenedEigenvalues(converged, cov, n)) expect(Math.abs(v - 1)).toBeLessThan(1e-9);
    const partial = newtonSchulz64(cov, n, 5).isqrt;
    const cold = whitenedEigenvalues(partial, cov, n);
    const warm = whitenedEigenvalues(partial, cov, n, symmetricEigen(cov, n).vectors);
    expect(Math.min(...cold)).toBeLessThan(0.5);
    cold.forEach((v, i) => expect(Math.abs(v - warm[i])).toBeLessThan(1e-12));
  });

  it('spectrumReadout: eigenvalues of cov + eps I and the isqrt error of a truncated iteration', () => {
    const eps = 1e-3;
    const shifted = cov.map((v, i) => (i % (n + 1) === 0 ? v + eps : v));
    const readout = spectrumReadout(cov, newtonSchulz64(shifted, n, 30).isqrt, n, eps);
    const want = symmetricEigen(shifted, n).values;
    readout.eigenvalues.forEach((v, i) => expect(Math.abs(v - want[i]) / want[i]).toBeLessThan(1e-10));
    expect(readout.isqrtRelativeError).toBeLessThan(1e-10);
    expect(spectrumReadout(cov, newtonSchulz64(shifted, n, 3).isqrt, n, eps).isqrtRelativeError).toBeGreaterThan(0.1);
  });
});
