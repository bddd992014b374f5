// Readouts from the eigenvalues against core/whitenSpectrum.ts (which multiplies and decomposes again).
import { describe, expect, it } from 'vitest';
import { seededRng, spdWithEigenvalues } from '../reference/random';
import { spectrumReadout } from '../whitenSpectrum';
import { covarianceSpectrum, isqrtRows, spectralNewtonSchulz } from './spectralIsqrt';
import { spectralReadout } from './spectralReadout';

describe('spectralReadout', () => {
  for (const iters of [3, 8, 15]) {
    it(`K=${iters}: eigenvalues, D C D spectrum and isqrt error equal spectrumReadout's`, () => {
      const n = 18;
      const values = Float64Array.from({ length: n }, (_, i) => 10 ** (-i / 4));
      const cov = spdWithEigenvalues(values, seededRng(iters)).matrix;
      const eps = 1e-5;
      const s = spectralNewtonSchulz(covarianceSpectrum(cov, n), eps, iters);
      const d = isqrtRows(
        s,
        Array.from({ length: n }, (_, i) => i),
      );
      const want = spectrumReadout(cov, d, n, eps);
      const got = spectralReadout(s);
      got.eigenvalues.forEach((v, i) => expect(Math.abs(v - want.eigenvalues[i])).toBeLessThan(1e-12 * want.eigenvalues[0]));
      got.whitenedEigenvalues.forEach((v, i) => expect(Math.abs(v - want.whitenedEigenvalues[i])).toBeLessThan(1e-9));
      expect(Math.abs(got.isqrtRelativeError - want.isqrtRelativeError)).toBeLessThan(1e-9 * Math.max(1, want.isqrtRelativeError));
    });
  }
});
