// The matmul-only Lyapunov solver (src/core/lyapunov.ts) in float32 against float64 eigen solutions.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { lyapunovSteps, shiftedInverse, solveLyapunov } from './lyapunov';
import { frobeniusNorm, relativeFrobeniusError } from './reference/matrix';
import { lyapunov64 } from './reference/matrixFunctions';
import { seededRng, spdWithEigenvalues } from './reference/random';

/** Symmetric matrix with eigenvalues log-spaced from 1 down to `smallest`. */
function spectrumMatrix(n: number, smallest: number, seed: number): Float64Array {
  const values = Float64Array.from({ length: n }, (_, i) => smallest ** (i / (n - 1)));
  return spdWithEigenvalues(values, seededRng(seed)).matrix;
}

function randomMatrix(n: number, seed: number): Float64Array {
  const rng = seededRng(seed);
  return Float64Array.from({ length: n * n }, () => rng.normal());
}

function stack(matrices: Float64Array[], n: number): tf.Tensor3D {
  return tf.tensor3d(Float32Array.from(matrices.flatMap((m) => Array.from(m))), [matrices.length, n, n]);
}

async function unstack(t: tf.Tensor3D): Promise<Float64Array[]> {
  const [batch, n] = t.shape;
  const flat = Float64Array.from(await t.data());
  return Array.from({ length: batch }, (_, b) => flat.slice(b * n * n, (b + 1) * n * n));
}

async function solve(ys: Float64Array[], cs: Float64Array[], n: number, steps: number): Promise<Float64Array[]> {
  const [y, c] = [stack(ys, n), stack(cs, n)];
  const x = solveLyapunov(y, c, steps);
  const out = await unstack(x);
  tf.dispose([y, c, x]);
  return out;
}

describe('lyapunovSteps', () => {
  it('covers the spectrum K Newton–Schulz steps converge on: 3 at K=5, 9 at K=15, 18 at K=30, at least 1', () => {
    expect([0, 1, 5, 15, 30].map(lyapunovSteps)).toEqual([1, 1, 3, 9, 18]);
    expect(() => lyapunovSteps(2.5)).toThrow(/whole number/);
  });
});

describe('shiftedInverse', () => {
  it('(I + Y)^(-1) for spectra spanning [0, 1] (n=36, batch 2): (I + Y) R = I within 1e-6 (Frobenius / sqrt(n))', async () => {
    const n = 36;
    const ys = [spectrumMatrix(n, 1e-6, 1), spectrumMatrix(n, 0.5, 2)];
    const y = stack(ys, n);
    const residual = tf.tidy(() => {
      const r = shiftedInverse(y);
      const product = tf.add(r, tf.matMul(y, r));
      return tf.sqrt(tf.div(tf.sum(tf.square(tf.sub(product, tf.eye(n))), [1, 2]), n));
    });
    for (const v of await residual.data()) expect(v).toBeLessThan(1e-6);
    tf.dispose([y, residual]);
  });
});

describe('solveLyapunov vs float64', () => {
  // m steps cover y >= ~4·2^-m to 1e-7; 3 steps (K = 5) reach 0.5 and leave (0.29)^8 = 5e-5 on the
  // smallest pair at 0.3. Errors measured (float32 cpu, worst of the batch): 1.2e-7, 1.1e-7, 6.4e-6, 1.3e-7, 1.5e-5.
  const cases = [
    { n: 9, smallest: 0.5, steps: 3, tolerance: 5e-7 },
    { n: 36, smallest: 0.5, steps: 3, tolerance: 5e-7 },
    { n: 36, smallest: 0.3, steps: 3, tolerance: 3e-5 },
    { n: 36, smallest: 0.3, steps: 4, tolerance: 5e-7 },
    { n: 36, smallest: 1e-3, steps: 12, tolerance: 5e-5 },
  ];
  for (const { n, smallest, steps, tolerance } of cases) {
    it(`n=${n}, spectrum [${smallest}, 1], ${steps} steps, batch 2 (unsymmetric C): within ${tolerance} of the eigen solution`, async () => {
      const ys = [spectrumMatrix(n, smallest, n), spectrumMatrix(n, smallest, n + 1)];
      const cs = [randomMatrix(n, 3), randomMatrix(n, 4)];
      const xs = await solve(ys, cs, n, steps);
      xs.forEach((x, b) => expect(relativeFrobeniusError(x, lyapunov64(ys[b], n, cs[b]))).toBeLessThan(tolerance));
    });
  }

  it('eigenvalues far below what the steps cover get a bounded, damped solution: ||X|| <= 2^(m+1) ||C||, finite', async () => {
    const n = 9;
    const steps = 3;
    const y = spectrumMatrix(n, 1e-7, 5);
    const c = randomMatrix(n, 6);
    const [x] = await solve([y], [c], n, steps);
    expect(x.every(Number.isFinite)).toBe(true);
    expect(frobeniusNorm(x)).toBeLessThanOrEqual(2 ** (steps + 1) * frobeniusNorm(c) * (1 + 1e-5));
    // The exact solution is far larger there (1 / (2 * 1e-7) on the smallest pair).
    expect(frobeniusNorm(lyapunov64(y, n, c))).toBeGreaterThan(100 * frobeniusNorm(x));
  });

  it('solves each matrix of a batch as if alone, rejects bad step counts and leaves no tensors behind', async () => {
    const n = 9;
    const ys = [spectrumMatrix(n, 0.3, 7), spectrumMatrix(n, 0.6, 8), spectrumMatrix(n, 0.9, 9)];
    const cs = [randomMatrix(n, 10), randomMatrix(n, 11), randomMatrix(n, 12)];
    const before = tf.memory().numTensors;
    const batched = await solve(ys, cs, n, 4);
    for (let b = 0; b < ys.length; b += 1) {
      const [alone] = await solve([ys[b]], [cs[b]], n, 4);
      expect(relativeFrobeniusError(batched[b], alone)).toBeLessThan(1e-6);
    }
    expect(tf.memory().numTensors).toBe(before);
    const y = stack([ys[0]], n);
    expect(() => solveLyapunov(y, y, 0)).toThrow(/whole number >= 1/);
    y.dispose();
  });
});
