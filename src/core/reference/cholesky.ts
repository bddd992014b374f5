// Cholesky factorisation in float64: the cheap O(n^3/3) test of positive definiteness.

/** Lower-triangular L with A = L L^T, or undefined when the symmetric matrix `a` is not positive definite. */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | undefined {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    let diag = a[j * n + j];
    for (let k = 0; k < j; k += 1) diag -= l[j * n + k] ** 2;
    if (!(diag > 0)) return undefined;
    const root = Math.sqrt(diag);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i += 1) {
      let sum = a[i * n + j];
      for (let k = 0; k < j; k += 1) sum -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = sum / root;
    }
  }
  return l;
}
