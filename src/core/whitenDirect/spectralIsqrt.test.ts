// Newton–Schulz through the eigenvalues against the float64 matrix iteration (reference/matrixFunctions
// newtonSchulz64), step for step the iteration of core/newtonSchulz.ts.
import { describe, expect, it } from 'vitest';
import { addDiagonal, relativeFrobeniusError } from '../reference/matrix';
import { newtonSchulz64 } from '../reference/matrixFunctions';
import { seededRng, spdWithEigenvalues } from '../reference/random';
import { covarianceSpectrum, isqrtRows, newtonSchulzScalar, spectralNewtonSchulz } from './spectralIsqrt';

/** A covariance (without eps) with eigenvalues log-spaced over `condition`, largest 1. */
function covariance(n: number, condition: number, seed: number): Float64Array {
  const values = Float64Array.from({ length: n }, (_, i) => condition ** (-i / Math.max(1, n - 1)));
  return spdWithEigenvalues(values, seededRng(seed)).matrix;
}

const allRows = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

describe('spectralNewtonSchulz', () => {
  for (const [n, condition] of [
    [9, 1e3],
    [27, 1e5],
    [75, 1e5],
    [81, 1e2],
  ] as const) {
    for (const iters of [1, 5, 15, 30]) {
      it(`n=${n}, condition ${condition}, K=${iters}: D = the float64 matrix iteration of cov + eps I within 1e-9`, () => {
        const cov = covariance(n, condition, n + iters);
        const eps = 1e-5;
        const s = spectralNewtonSchulz(covarianceSpectrum(cov, n), eps, iters);
        const d = isqrtRows(s, allRows(n));
        const matrix = newtonSchulz64(addDiagonal(cov, n, eps), n, iters).isqrt;
        expect(relativeFrobeniusError(d, matrix)).toBeLessThan(1e-9);
      });
    }
  }

  it('one spectrum serves every eps and K: the same D as decomposing cov + eps I afresh', () => {
    const n = 20;
    const cov = covariance(n, 1e4, 5);
    const spectrum = covarianceSpectrum(cov, n);
    for (const eps of [1e-5, 1e-3, 0.1]) {
      const shared = isqrtRows(spectralNewtonSchulz(spectrum, eps, 15), allRows(n));
      const fresh = isqrtRows(spectralNewtonSchulz(covarianceSpectrum(addDiagonal(cov, n, eps), n), 0, 15), allRows(n));
      expect(relativeFrobeniusError(shared, fresh)).toBeLessThan(1e-10);
    }
  });

  it('picks single rows of D', () => {
    const n = 12;
    const s = spectralNewtonSchulz(covarianceSpectrum(covariance(n, 100, 3), n), 1e-5, 15);
    const all = isqrtRows(s, allRows(n));
    const some = isqrtRows(s, [4, 0]);
    expect(Array.from(some)).toEqual([...all.subarray(4 * n, 5 * n), ...all.subarray(0, n)]);
  });

  it('eigenvalues come out descending, the eps shift included', () => {
    const n = 6;
    const s = spectralNewtonSchulz(covarianceSpectrum(covariance(n, 10, 1), n), 0.5, 15);
    for (let i = 1; i < n; i += 1) expect(s.values[i]).toBeLessThanOrEqual(s.values[i - 1]);
    expect(s.values[0]).toBeCloseTo(1.5, 10);
    expect(s.values[n - 1]).toBeCloseTo(0.6, 10);
  });

  it('the scalar iteration converges to x^(-1/2) for x in (0, 1] and is exact at K=0', () => {
    for (const x of [1, 0.5, 0.01]) expect(newtonSchulzScalar(x, 30).z).toBeCloseTo(1 / Math.sqrt(x), 10);
    expect(newtonSchulzScalar(0.3, 30).y).toBeCloseTo(Math.sqrt(0.3), 10);
    expect(newtonSchulzScalar(0.3, 0)).toEqual({ y: 0.3, z: 1 });
  });

  it('refuses a matrix that is not positive definite with the readout message', () => {
    const cov = Float64Array.from([1, 2, 2, 1]); // eigenvalues 3 and -1
    expect(() => spectralNewtonSchulz(covarianceSpectrum(cov, 2), 1e-5, 15)).toThrow(/inverseSqrt: matrix is not positive definite/);
  });
});
