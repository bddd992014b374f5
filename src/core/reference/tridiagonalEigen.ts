// Symmetric eigendecomposition by Householder reduction to tridiagonal form followed by the
// implicit QL iteration with Wilkinson-type shifts. About ten times faster than cyclic Jacobi for
// n in the hundreds; used for the whitening view's readouts and cross-checked against Jacobi.
import type { SymmetricEigen } from './jacobi';

/** Eigenvalues (descending) and eigenvectors (columns) of the symmetric part of `a`. */
export function symmetricEigenFast(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new Error(`symmetricEigenFast: expected ${n * n} entries, got ${a.length}`);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) m[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
  // qt holds Q^T: row i is column i of Q, so every update below runs along contiguous rows.
  const qt = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) qt[i * n + i] = 1;
  const { diag, off } = tridiagonalise(m, qt, n);
  tridiagonalQl(diag, off, qt, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => diag[j] - diag[i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = diag[src];
    for (let k = 0; k < n; k += 1) vectors[k * n + dst] = qt[src * n + k];
  });
  return { values, vectors };
}

/** In place: m becomes H m H for Householder reflections H = I - 2 v v^T, accumulated into qt. off[i] couples i and i+1. */
function tridiagonalise(m: Float64Array, qt: Float64Array, n: number): { diag: Float64Array; off: Float64Array } {
  const v = new Float64Array(n);
  const p = new Float64Array(n);
  const u = new Float64Array(n);
  for (let k = 0; k < n - 2; k += 1) {
    let norm = 0;
    for (let i = k + 1; i < n; i += 1) norm += m[i * n + k] ** 2;
    norm = Math.sqrt(norm);
    if (norm === 0) continue;
    const x0 = m[(k + 1) * n + k];
    const alpha = x0 > 0 ? -norm : norm;
    v.fill(0);
    for (let i = k + 1; i < n; i += 1) v[i] = m[i * n + k];
    v[k + 1] -= alpha;
    let vNorm = 0;
    for (let i = k + 1; i < n; i += 1) vNorm += v[i] * v[i];
    vNorm = Math.sqrt(vNorm);
    if (vNorm === 0) continue;
    for (let i = k + 1; i < n; i += 1) v[i] /= vNorm;
    // Trailing block: m22 <- m22 - 2 v w^T - 2 w v^T with p = m22 v, w = p - (v^T p) v.
    let vp = 0;
    for (let i = k + 1; i < n; i += 1) {
      let sum = 0;
      for (let j = k + 1; j < n; j += 1) sum += m[i * n + j] * v[j];
      p[i] = sum;
      vp += v[i] * sum;
    }
    for (let i = k + 1; i < n; i += 1) p[i] -= vp * v[i];
    for (let i = k + 1; i < n; i += 1) for (let j = k + 1; j < n; j += 1) m[i * n + j] -= 2 * (v[i] * p[j] + p[i] * v[j]);
    m[(k + 1) * n + k] = alpha;
    m[k * n + k + 1] = alpha;
    for (let i = k + 2; i < n; i += 1) {
      m[i * n + k] = 0;
      m[k * n + i] = 0;
    }
    // Q <- Q H, i.e. Q^T <- Q^T - 2 v (v^T Q^T).
    u.fill(0);
    for (let i = k + 1; i < n; i += 1) for (let c = 0; c < n; c += 1) u[c] += v[i] * qt[i * n + c];
    for (let i = k + 1; i < n; i += 1) for (let c = 0; c < n; c += 1) qt[i * n + c] -= 2 * v[i] * u[c];
  }
  const diag = Float64Array.from({ length: n }, (_, i) => m[i * n + i]);
  const off = Float64Array.from({ length: n }, (_, i) => (i < n - 1 ? m[(i + 1) * n + i] : 0));
  return { diag, off };
}

const MAX_QL_STEPS = 60;

/** Implicit QL on the tridiagonal (diag, off); rotations are applied to the rows of qt. */
function tridiagonalQl(d: Float64Array, e: Float64Array, qt: Float64Array, n: number): void {
  for (let l = 0; l < n; l += 1) {
    for (let step = 0; ; step += 1) {
      let m = l;
      while (m < n - 1 && Math.abs(e[m]) > Number.EPSILON * (Math.abs(d[m]) + Math.abs(d[m + 1]))) m += 1;
      if (m === l) break;
      if (step >= MAX_QL_STEPS) throw new Error('symmetricEigenFast: QL iteration did not converge');
      // Shift from the leading 2x2 block, folded into the first rotation.
      let g = (d[l + 1] - d[l]) / (2 * e[l]);
      let r = Math.hypot(g, 1);
      g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
      let s = 1;
      let c = 1;
      let p = 0;
      let i = m - 1;
      let deflated = false;
      for (; i >= l; i -= 1) {
        const f = s * e[i];
        const b = c * e[i];
        r = Math.hypot(f, g);
        e[i + 1] = r;
        if (r === 0) {
          d[i + 1] -= p;
          e[m] = 0;
          deflated = true;
          break;
        }
        s = f / r;
        c = g / r;
        g = d[i + 1] - p;
        r = (d[i] - g) * s + 2 * c * b;
        p = s * r;
        d[i + 1] = g + p;
        g = c * r - b;
        const rowI = i * n;
        const rowNext = (i + 1) * n;
        for (let k = 0; k < n; k += 1) {
          const zNext = qt[rowNext + k];
          const zI = qt[rowI + k];
          qt[rowNext + k] = s * zI + c * zNext;
          qt[rowI + k] = c * zI - s * zNext;
        }
      }
      if (deflated) continue;
      d[l] -= p;
      e[l] = g;
      e[m] = 0;
    }
  }
}
