// Composed float32 Newton–Schulz (src/core/newtonSchulz.ts) against float64 references.
// Test matrices are built as Q diag(lambda) Q^T, so the exact inverse square root is known
// without an eigensolver: normalised to ||A||_F = 1, then eps = 1e-5 added (docs/algorithm.md §2).
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradients by itself (bundlers resolve this ESM path; plain Node cannot, see src/cli/nodeBackend.ts).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { describe, expect, it } from 'vitest';
import { newtonSchulzComposed } from './newtonSchulz';
import { matmul, relativeFrobeniusError, transpose } from './reference/matrix';
import { inverseSqrtGradient, newtonSchulz64 } from './reference/matrixFunctions';
import { seededRng, spdWithEigenvalues } from './reference/random';

const EPS = 1e-5;

interface TestMatrix {
  a: Float64Array;
  exactIsqrt: Float64Array;
  exactSqrt: Float64Array;
  vectors: Float64Array;
  values: Float64Array;
}

/** Normalised SPD matrix with eigenvalues log-spaced over `condition`, plus EPS * I, and its exact roots. */
function testMatrix(n: number, condition: number, seed: number): TestMatrix {
  const raw = Float64Array.from({ length: n }, (_, i) => condition ** (-i / (n - 1)));
  const norm = Math.hypot(...raw);
  const values = raw.map((v) => v / norm + EPS);
  const { matrix, vectors } = spdWithEigenvalues(values, seededRng(seed));
  const spectral = (f: (l: number) => number): Float64Array => {
    const scaled = new Float64Array(n * n);
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) scaled[i * n + j] = vectors[i * n + j] * f(values[j]);
    return matmul(scaled, transpose(vectors, n, n), n, n, n);
  };
  return { a: matrix, exactIsqrt: spectral((l) => 1 / Math.sqrt(l)), exactSqrt: spectral(Math.sqrt), vectors, values };
}

async function composedIsqrt(matrices: Float64Array[], n: number, iters: number): Promise<{ isqrt: Float32Array[]; sqrt: Float32Array[] }> {
  const input = tf.tensor3d(Float32Array.from(matrices.flatMap((m) => Array.from(m))), [matrices.length, n, n]);
  const out = newtonSchulzComposed(input, iters);
  const [isqrt, sqrt] = [await out.isqrt.data(), await out.sqrt.data()] as Float32Array[];
  tf.dispose([input, out.isqrt, out.sqrt]);
  const split = (flat: Float32Array): Float32Array[] => matrices.map((_, b) => flat.slice(b * n * n, (b + 1) * n * n));
  return { isqrt: split(isqrt), sqrt: split(sqrt) };
}

describe('newtonSchulzComposed vs float64', () => {
  // Measured float32 errors (relative Frobenius vs exact): cond 1e2 ~4e-7, 1e4 ~3e-5, 1e6 ~3e-4 at K >= 20.
  const cases: Array<{ n: number; condition: number; tolerance: number }> = [
    { n: 9, condition: 1e2, tolerance: 2e-6 },
    { n: 9, condition: 1e6, tolerance: 1e-3 },
    { n: 27, condition: 1e4, tolerance: 2e-4 },
    { n: 27, condition: 1e6, tolerance: 1e-3 },
    { n: 75, condition: 1e4, tolerance: 2e-4 },
    { n: 75, condition: 1e6, tolerance: 1e-3 },
    { n: 144, condition: 1e6, tolerance: 1e-3 },
  ];
  for (const { n, condition, tolerance } of cases) {
    it(`n=${n}, condition ${condition} (+eps 1e-5): K=20 and K=30 within ${tolerance} of the exact isqrt; K=15 within 1e-3 of float64 NS at K=15`, async () => {
      const m = testMatrix(n, condition, n * 7 + Math.log10(condition));
      for (const iters of [20, 30]) {
        const { isqrt, sqrt } = await composedIsqrt([m.a], n, iters);
        expect(relativeFrobeniusError(isqrt[0], m.exactIsqrt)).toBeLessThan(tolerance);
        expect(relativeFrobeniusError(sqrt[0], m.exactSqrt)).toBeLessThan(tolerance);
      }
      // At K=15 a condition of 1e6 is not converged yet (error ~5e-2): float32 still tracks the truncated float64 iteration.
      const { isqrt } = await composedIsqrt([m.a], n, 15);
      expect(relativeFrobeniusError(isqrt[0], newtonSchulz64(m.a, n, 15).isqrt)).toBeLessThan(1e-3);
    });
  }

  it('n=576, condition 1e2 (+eps), batch 1: K=15 within 1e-5 of the exact isqrt (slow on cpu: ~1 min)', async () => {
    const n = 576;
    const m = testMatrix(n, 1e2, 576);
    const { isqrt } = await composedIsqrt([m.a], n, 15);
    expect(relativeFrobeniusError(isqrt[0], m.exactIsqrt)).toBeLessThan(1e-5);
  }, 400_000);

  it('a batch of different matrices equals each computed alone (relative 1e-6) and K=0 is I/sqrt(||A||_F)', async () => {
    const n = 9;
    const mats = [testMatrix(n, 10, 1).a, testMatrix(n, 1e3, 2).a, testMatrix(n, 1e5, 3).a];
    const batched = await composedIsqrt(mats, n, 12);
    for (let b = 0; b < mats.length; b += 1) {
      const alone = await composedIsqrt([mats[b]], n, 12);
      expect(relativeFrobeniusError(batched.isqrt[b], alone.isqrt[0])).toBeLessThan(1e-6);
    }
    const zero = await composedIsqrt([mats[0]], n, 0);
    const s = Math.hypot(...mats[0]);
    expect(zero.isqrt[0][0]).toBeCloseTo(1 / Math.sqrt(s), 5);
    expect(zero.isqrt[0][1]).toBe(0);
  });

  it('rejects non-square input and bad iteration counts', () => {
    const rect = tf.zeros([1, 2, 3]) as tf.Tensor3D;
    const square = tf.zeros([1, 2, 2]) as tf.Tensor3D;
    expect(() => newtonSchulzComposed(rect, 3)).toThrow(/\[batch, n, n\]/);
    expect(() => newtonSchulzComposed(square, 1.5)).toThrow(/whole number/);
    tf.dispose([rect, square]);
  });
});

describe('docs/algorithm.md §3 convergence table (composed op, float32)', () => {
  // Eigenvalue ratios mu = lambda / ||C||_F; the dominant eigenvalue is chosen so that ||C||_F = 1.
  const mus = [0.5, 0.2, 0.1, 1 / 24, 0.02, 0.01, 0.001, 1e-4];
  const dominant = Math.sqrt(1 - mus.reduce((acc, mu) => acc + mu * mu, 0));
  const values = Float64Array.from([dominant, ...mus]);
  const n = values.length;
  const { matrix, vectors } = spdWithEigenvalues(values, seededRng(11));

  /** Output variance q^T D C D q along each eigenvector q of C. */
  async function directionalVariance(iters: number): Promise<number[]> {
    const { isqrt } = await composedIsqrt([matrix], n, iters);
    const d = Float64Array.from(isqrt[0]);
    const dcd = matmul(matmul(d, matrix, n, n, n), d, n, n, n);
    return Array.from({ length: n }, (_, k) => {
      let v = 0;
      for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) v += vectors[i * n + k] * dcd[i * n + j] * vectors[j * n + k];
      return v;
    });
  }

  it('K=5: 1.00 for mu in [0.2,1], 0.995 at 0.1, 0.90 at 1/24, 0.68 at 0.02, 0.43 at 0.01 (abs 0.01); ~57.7*mu below (relative 4% at 1e-3, 1% at 1e-4)', async () => {
    const variance = await directionalVariance(5);
    const expected = [1, 1, 1, 0.995, 0.9, 0.68, 0.43];
    expected.forEach((v, i) => expect(Math.abs(variance[i] - v)).toBeLessThan(0.01));
    expect(Math.abs(variance[7] / (57.7 * 0.001) - 1)).toBeLessThan(0.04);
    expect(Math.abs(variance[8] / (57.7 * 1e-4) - 1)).toBeLessThan(0.01);
  });

  it('K=15: 1.00 (abs 1e-3) in every direction down to mu = 1e-4', async () => {
    const variance = await directionalVariance(15);
    for (const v of variance) expect(Math.abs(v - 1)).toBeLessThan(1e-3);
  });
});

describe('gradient of the composed Newton–Schulz', () => {
  /** tf.grad of L = sum(isqrt * R) with respect to the input matrices (all n*n entries). */
  async function tfGradient(matrices: Float64Array[], n: number, r: Float64Array, iters: number): Promise<Float32Array[]> {
    const input = tf.tensor3d(Float32Array.from(matrices.flatMap((m) => Array.from(m))), [matrices.length, n, n]);
    const weights = tf.tensor2d(Float32Array.from(r), [n, n]);
    const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(newtonSchulzComposed(x as tf.Tensor3D, iters).isqrt, weights)))(input);
    const flat = (await grad.data()) as Float32Array;
    tf.dispose([input, weights, grad]);
    return matrices.map((_, b) => flat.slice(b * n * n, (b + 1) * n * n));
  }

  /** Central differences of the float64 iteration, entry by entry (h = 1e-6). */
  function finiteDifferences(a: Float64Array, n: number, r: Float64Array, iters: number): Float64Array {
    const loss = (m: Float64Array): number => newtonSchulz64(m, n, iters).isqrt.reduce((acc, v, i) => acc + v * r[i], 0);
    const h = 1e-6;
    return Float64Array.from({ length: n * n }, (_, k) => {
      const plus = Float64Array.from(a);
      const minus = Float64Array.from(a);
      plus[k] += h;
      minus[k] -= h;
      return (loss(plus) - loss(minus)) / (2 * h);
    });
  }

  const n = 9;
  const rng = seededRng(21);
  const r = Float64Array.from({ length: n * n }, () => rng.normal());
  const mats = [testMatrix(n, 10, 31).a, testMatrix(n, 1e3, 32).a];

  for (const iters of [5, 15]) {
    it(`K=${iters}, batch 2 (conditions 10 and 1e3): tf.grad matches float64 finite differences of the float64 NS within relative 1e-4 (measured 1e-7..5e-6)`, async () => {
      const grads = await tfGradient(mats, n, r, iters);
      mats.forEach((a, b) => expect(relativeFrobeniusError(grads[b], finiteDifferences(a, n, r, iters))).toBeLessThan(1e-4));
    });
  }

  it('K=30, condition 1e2: symmetric part of tf.grad matches the exact Lyapunov gradient (docs/algorithm.md §7) within relative 1e-4 (measured 3.5e-7)', async () => {
    const m = testMatrix(n, 1e2, 41);
    const [grad] = await tfGradient([m.a], n, r, 30);
    const sym = new Float64Array(n * n);
    for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) sym[i * n + j] = 0.5 * (grad[i * n + j] + grad[j * n + i]);
    expect(relativeFrobeniusError(sym, inverseSqrtGradient(m.a, n, r))).toBeLessThan(1e-4);
    // K=5 is the gradient of a different (truncated) function: far from the exact one here.
    const [truncated] = await tfGradient([m.a], n, r, 5);
    expect(relativeFrobeniusError(truncated, inverseSqrtGradient(m.a, n, r))).toBeGreaterThan(1e-2);
  });
});
