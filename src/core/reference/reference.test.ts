import { describe, expect, it } from 'vitest';
import { cholesky } from './cholesky';
import { symmetricEigen } from './jacobi';
import { addDiagonal, frobeniusNorm, identity, matmul, relativeFrobeniusError, transpose } from './matrix';
import { inverseSqrt, inverseSqrtGradient, newtonSchulz64, sqrtm } from './matrixFunctions';
import { randomOrthogonal, randomSpd, seededRng, spdWithEigenvalues } from './random';

describe('float64 reference maths', () => {
  it('matmul and transpose agree with hand-worked values', () => {
    const a = Float64Array.of(1, 2, 3, 4, 5, 6); // 2x3
    const b = Float64Array.of(7, 8, 9, 10, 11, 12); // 3x2
    expect(Array.from(matmul(a, b, 2, 3, 2))).toEqual([58, 64, 139, 154]);
    expect(Array.from(transpose(a, 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('random orthogonal matrices satisfy Q^T Q = I to 1e-12', () => {
    const n = 20;
    const q = randomOrthogonal(n, seededRng(1));
    expect(relativeFrobeniusError(matmul(transpose(q, n, n), q, n, n, n), identity(n))).toBeLessThan(1e-12);
  });

  it('Jacobi recovers known eigenvalues (relative 1e-9, spread 1e6) and reconstructs A (relative 1e-12)', () => {
    const n = 30;
    const values = Float64Array.from({ length: n }, (_, i) => 10 ** (-i / 5));
    const { matrix } = spdWithEigenvalues(values, seededRng(2));
    const eigen = symmetricEigen(matrix, n);
    for (let i = 0; i < n; i += 1) expect(Math.abs(eigen.values[i] - values[i]) / values[i]).toBeLessThan(1e-9);
    const u = eigen.vectors;
    const scaled = new Float64Array(n * n);
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) scaled[i * n + j] = u[i * n + j] * eigen.values[j];
    expect(relativeFrobeniusError(matmul(scaled, transpose(u, n, n), n, n, n), matrix)).toBeLessThan(1e-12);
    expect(relativeFrobeniusError(matmul(transpose(u, n, n), u, n, n, n), identity(n))).toBeLessThan(1e-12);
  });

  it('Jacobi handles repeated and negative eigenvalues', () => {
    const values = Float64Array.of(2, 2, 2, -1, -1);
    const { matrix } = spdWithEigenvalues(values, seededRng(3));
    const eigen = symmetricEigen(matrix, 5);
    expect(Array.from(eigen.values).map((v) => Number(v.toFixed(10)))).toEqual([2, 2, 2, -1, -1]);
  });

  it('inverseSqrt^2 * A = I and sqrtm^2 = A (relative 1e-9 at condition 1e6)', () => {
    const n = 25;
    const a = randomSpd(n, 1e6, seededRng(4));
    const z = inverseSqrt(a, n);
    const s = sqrtm(a, n);
    expect(relativeFrobeniusError(matmul(matmul(z, z, n, n, n), a, n, n, n), identity(n))).toBeLessThan(1e-9);
    expect(relativeFrobeniusError(matmul(s, s, n, n, n), a)).toBeLessThan(1e-12);
    expect(() => inverseSqrt(addDiagonal(a, n, -2), n)).toThrow(/not positive definite/);
  });

  it('float64 Newton–Schulz converges to the exact inverse square root (relative 1e-10 at K=30, condition 1e3)', () => {
    const n = 12;
    const a = randomSpd(n, 1e3, seededRng(5));
    const ns = newtonSchulz64(a, n, 30);
    expect(relativeFrobeniusError(ns.isqrt, inverseSqrt(a, n))).toBeLessThan(1e-10);
    expect(relativeFrobeniusError(ns.sqrt, sqrtm(a, n))).toBeLessThan(1e-10);
    // K=0 is just I / sqrt(||A||_F): far from converged.
    expect(relativeFrobeniusError(newtonSchulz64(a, n, 0).isqrt, inverseSqrt(a, n))).toBeGreaterThan(0.5);
  });

  it('Lyapunov gradient of A^(-1/2) matches central finite differences of the exact isqrt (relative 1e-6)', () => {
    const n = 6;
    const rng = seededRng(6);
    const a = randomSpd(n, 50, rng);
    const g = Float64Array.from({ length: n * n }, () => rng.normal());
    const loss = (m: Float64Array): number => inverseSqrt(m, n).reduce((acc, v, i) => acc + v * g[i], 0);
    const analytic = inverseSqrtGradient(a, n, g);
    const h = 1e-6;
    const fd = new Float64Array(n * n);
    for (let i = 0; i < n; i += 1) {
      for (let j = i; j < n; j += 1) {
        // Symmetric perturbation E_ij + E_ji (E_ii once): the gradient over symmetric matrices.
        const plus = Float64Array.from(a);
        const minus = Float64Array.from(a);
        plus[i * n + j] += h;
        minus[i * n + j] -= h;
        if (i !== j) {
          plus[j * n + i] += h;
          minus[j * n + i] -= h;
        }
        const d = (loss(plus) - loss(minus)) / (2 * h);
        fd[i * n + j] = i === j ? d : d / 2;
        fd[j * n + i] = fd[i * n + j];
      }
    }
    expect(relativeFrobeniusError(analytic, fd)).toBeLessThan(1e-6);
    expect(frobeniusNorm(analytic)).toBeGreaterThan(0);
  });

  it('Cholesky reconstructs an SPD matrix (relative 1e-12) and refuses an indefinite one', () => {
    const n = 15;
    const a = randomSpd(n, 1e4, seededRng(7));
    const l = cholesky(a, n);
    expect(l).toBeDefined();
    if (l) expect(relativeFrobeniusError(matmul(l, transpose(l, n, n), n, n, n), a)).toBeLessThan(1e-12);
    expect(cholesky(addDiagonal(a, n, -0.5), n)).toBeUndefined();
  });
});
