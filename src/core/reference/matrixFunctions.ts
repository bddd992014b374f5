// Float64 matrix functions of symmetric matrices: exact (inverse) square roots through the
// eigendecomposition, the same coupled Newton–Schulz iteration as the tf/WGSL paths (docs/algorithm.md §3), and
// the exact gradient of the inverse square root (docs/algorithm.md §7).
import { symmetricEigen, type SymmetricEigen } from './jacobi';
import { frobeniusNorm, identity, matmul, transpose } from './matrix';

/** U diag(f(lambda)) U^T for a symmetric n x n matrix given its eigendecomposition. */
export function applySpectralFunction(eigen: SymmetricEigen, n: number, f: (lambda: number) => number): Float64Array {
  const { values, vectors } = eigen;
  const scaled = new Float64Array(n * n);
  const fl = Array.from(values, f);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) scaled[i * n + j] = vectors[i * n + j] * fl[j];
  return matmul(scaled, transpose(vectors, n, n), n, n, n);
}

function requirePositive(eigen: SymmetricEigen, what: string): void {
  const smallest = eigen.values[eigen.values.length - 1];
  if (!(smallest > 0)) throw new Error(`${what}: matrix is not positive definite (smallest eigenvalue ${smallest})`);
}

/** Exact A^(-1/2) of an SPD matrix (pass `eigen` to reuse a decomposition). */
export function inverseSqrt(a: ArrayLike<number>, n: number, eigen = symmetricEigen(a, n)): Float64Array {
  requirePositive(eigen, 'inverseSqrt');
  return applySpectralFunction(eigen, n, (l) => 1 / Math.sqrt(l));
}

/** Exact A^(1/2) of a symmetric positive semidefinite matrix. */
export function sqrtm(a: ArrayLike<number>, n: number, eigen = symmetricEigen(a, n)): Float64Array {
  return applySpectralFunction(eigen, n, (l) => Math.sqrt(Math.max(l, 0)));
}

export interface NewtonSchulz64 {
  isqrt: Float64Array;
  sqrt: Float64Array;
}

/** Coupled Newton–Schulz in float64, step for step the iteration of src/core/newtonSchulz.ts. */
export function newtonSchulz64(a: ArrayLike<number>, n: number, iters: number): NewtonSchulz64 {
  const s = frobeniusNorm(a);
  let y: Float64Array = Float64Array.from(a, (v) => v / s);
  let z: Float64Array = identity(n);
  for (let i = 0; i < iters; i += 1) {
    const zy = matmul(z, y, n, n, n);
    const t = new Float64Array(n * n);
    for (let k = 0; k < n * n; k += 1) t[k] = -0.5 * zy[k];
    for (let k = 0; k < n; k += 1) t[k * n + k] += 1.5;
    y = matmul(y, t, n, n, n);
    z = matmul(t, z, n, n, n);
  }
  const root = Math.sqrt(s);
  return { isqrt: z.map((v) => v / root), sqrt: y.map((v) => v * root) };
}

/**
 * dL/dA for Z = A^(-1/2), given G = dL/dZ (docs/algorithm.md §7): X = U [-(U^T sym(G) U)_ij / (s_i s_j (s_i + s_j))] U^T
 * with s = sqrt(lambda). This is the gradient over symmetric perturbations of A; for a gradient
 * taken over all n*n entries (as autograd does), compare against its symmetric part.
 */
export function inverseSqrtGradient(a: ArrayLike<number>, n: number, g: ArrayLike<number>, eigen = symmetricEigen(a, n)): Float64Array {
  requirePositive(eigen, 'inverseSqrtGradient');
  const u = eigen.vectors;
  const ut = transpose(u, n, n);
  const gSym = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) gSym[i * n + j] = 0.5 * (g[i * n + j] + g[j * n + i]);
  const inner = matmul(matmul(ut, gSym, n, n, n), u, n, n, n);
  const roots = Array.from(eigen.values, Math.sqrt);
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < n; j += 1) inner[i * n + j] = -inner[i * n + j] / (roots[i] * roots[j] * (roots[i] + roots[j]));
  }
  return matmul(matmul(u, inner, n, n, n), ut, n, n, n);
}

/** X with A X + X A = C for a symmetric positive definite A (any C): X = U [(U^T C U)_ij / (l_i + l_j)] U^T. */
export function lyapunov64(a: ArrayLike<number>, n: number, c: ArrayLike<number>, eigen = symmetricEigen(a, n)): Float64Array {
  requirePositive(eigen, 'lyapunov64');
  const u = eigen.vectors;
  const ut = transpose(u, n, n);
  const inner = matmul(matmul(ut, Float64Array.from(c), n, n, n), u, n, n, n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) inner[i * n + j] /= eigen.values[i] + eigen.values[j];
  return matmul(matmul(u, inner, n, n, n), ut, n, n, n);
}

/** dL/dA for P = A^(1/2), given G = dL/dP: X with P X + X P = sym(G) (gradient over symmetric perturbations). */
export function sqrtGradient(a: ArrayLike<number>, n: number, g: ArrayLike<number>, eigen = symmetricEigen(a, n)): Float64Array {
  requirePositive(eigen, 'sqrtGradient');
  const rootEigen = { values: eigen.values.map(Math.sqrt), vectors: eigen.vectors };
  const gSym = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) gSym[i * n + j] = 0.5 * (g[i * n + j] + g[j * n + i]);
  return lyapunov64(applySpectralFunction(eigen, n, Math.sqrt), n, gSym, rootEigen);
}
