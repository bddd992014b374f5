// Symmetric eigendecomposition by the cyclic Jacobi method in float64. Slow (O(n^3) per sweep,
// usually 6-10 sweeps) but simple and accurate: the reference the Newton–Schulz paths are checked
// against, and the "exact" spectrum shown in the whitening view.
import { frobeniusNorm } from './matrix';

export interface SymmetricEigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Eigenvectors as the COLUMNS of an n x n row-major matrix, in the order of `values`. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 60;

/** Eigenvalues and eigenvectors of the symmetric n x n matrix `a` (only its symmetric part is used). */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (a.length !== n * n) throw new Error(`symmetricEigen: expected ${n * n} entries, got ${a.length}`);
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) for (let j = 0; j < n; j += 1) m[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
  // Rows of vt are the eigenvectors: rotating rows keeps the inner loops contiguous.
  const vt = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) vt[i * n + i] = 1;
  const scale = frobeniusNorm(m);
  const tolerance = (1e-15 * scale) ** 2;
  for (let sweep = 0; sweep < MAX_SWEEPS && scale > 0; sweep += 1) {
    if (offDiagonalSquares(m, n) <= tolerance) break;
    for (let p = 0; p < n - 1; p += 1) for (let q = p + 1; q < n; q += 1) rotate(m, vt, n, p, q);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => m[j * n + j] - m[i * n + i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = m[src * n + src];
    for (let k = 0; k < n; k += 1) vectors[k * n + dst] = vt[src * n + k];
  });
  return { values, vectors };
}

function offDiagonalSquares(m: Float64Array, n: number): number {
  let sum = 0;
  for (let i = 0; i < n; i += 1) for (let j = i + 1; j < n; j += 1) sum += 2 * m[i * n + j] ** 2;
  return sum;
}

/** One Jacobi rotation zeroing m[p][q] (m symmetric, both triangles kept up to date). */
function rotate(m: Float64Array, vt: Float64Array, n: number, p: number, q: number): void {
  const apq = m[p * n + q];
  if (apq === 0) return;
  const app = m[p * n + p];
  const aqq = m[q * n + q];
  const theta = (aqq - app) / (2 * apq);
  // Smaller root of t^2 + 2 theta t - 1 = 0: the rotation angle stays below pi/4.
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k += 1) {
    if (k === p || k === q) continue;
    const akp = m[k * n + p];
    const akq = m[k * n + q];
    const newP = c * akp - s * akq;
    const newQ = s * akp + c * akq;
    m[k * n + p] = newP;
    m[p * n + k] = newP;
    m[k * n + q] = newQ;
    m[q * n + k] = newQ;
  }
  m[p * n + p] = app - t * apq;
  m[q * n + q] = aqq + t * apq;
  m[p * n + q] = 0;
  m[q * n + p] = 0;
  const rowP = p * n;
  const rowQ = q * n;
  for (let k = 0; k < n; k += 1) {
    const vp = vt[rowP + k];
    const vq = vt[rowQ + k];
    vt[rowP + k] = c * vp - s * vq;
    vt[rowQ + k] = s * vp + c * vq;
  }
}
