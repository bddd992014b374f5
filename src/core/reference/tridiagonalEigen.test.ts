import { describe, expect, it } from 'vitest';
import { symmetricEigen } from './jacobi';
import { identity, matmul, relativeFrobeniusError, transpose } from './matrix';
import { randomSpd, seededRng, spdWithEigenvalues } from './random';
import { symmetricEigenFast } from './tridiagonalEigen';

function reconstruct(values: Float64Array, vectors: Float64Array, n: number): Float64Array {
  const scaled = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) scaled[i * n + j] = vectors[i * n + j] * values[j];
  return matmul(scaled, transpose(vectors, n, n), n, n, n);
}

describe('symmetricEigenFast (Householder + implicit QL)', () => {
  for (const [n, condition] of [
    [40, 1e6],
    [75, 1e3],
    [3, 10],
  ] as const) {
    it(`n=${n}, condition ${condition}: eigenvalues agree with Jacobi (relative 1e-9), A = U diag U^T and U^T U = I (1e-12)`, () => {
      const a = randomSpd(n, condition, seededRng(n));
      const fast = symmetricEigenFast(a, n);
      const jacobi = symmetricEigen(a, n);
      fast.values.forEach((v, i) => expect(Math.abs(v - jacobi.values[i]) / jacobi.values[i]).toBeLessThan(1e-9));
      expect(relativeFrobeniusError(reconstruct(fast.values, fast.vectors, n), a)).toBeLessThan(1e-12);
      expect(relativeFrobeniusError(matmul(transpose(fast.vectors, n, n), fast.vectors, n, n, n), identity(n))).toBeLessThan(1e-12);
    });
  }

  it('handles repeated, negative and zero eigenvalues, diagonal input, n = 1 and n = 2', () => {
    const values = Float64Array.of(3, 3, 3, 0, -2, -2);
    const { matrix } = spdWithEigenvalues(values, seededRng(9));
    const eig = symmetricEigenFast(matrix, 6);
    expect(Array.from(eig.values).map((v) => Number(v.toFixed(10)) + 0)).toEqual([3, 3, 3, 0, -2, -2]); // + 0 turns -0 into 0
    expect(relativeFrobeniusError(reconstruct(eig.values, eig.vectors, 6), matrix)).toBeLessThan(1e-12);
    expect(Array.from(symmetricEigenFast(Float64Array.of(1, 0, 0, 0, 5, 0, 0, 0, 2), 3).values)).toEqual([5, 2, 1]);
    expect(Array.from(symmetricEigenFast(Float64Array.of(7), 1).values)).toEqual([7]);
    const two = symmetricEigenFast(Float64Array.of(2, 1, 1, 2), 2);
    expect(two.values[0]).toBeCloseTo(3, 12);
    expect(two.values[1]).toBeCloseTo(1, 12);
    expect(Array.from(symmetricEigenFast(new Float64Array(16), 4).values)).toEqual([0, 0, 0, 0]);
  });
});
