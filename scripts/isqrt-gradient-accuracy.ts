// Accuracy of the two gradients of the composed inverse square root (issue #13): the closed-form
// Lyapunov gradient and reverse mode through the unrolled K steps, each against float64 central
// differences of the EXACT S^(-1/2), and against each other. Prints markdown tables.
//   npx tsx scripts/isqrt-gradient-accuracy.ts [--sizes=9,36,144]
// Matrices: eigenvalues log-spaced over the condition number, normalised to ||S||_F = 1, + 1e-5 I
// (eps as the layers add it), random eigenvectors; plus a Wishart covariance (x xᵀ / 2n + 1e-5 I).
// Full FD (every symmetric direction) for n <= 36; the float64 closed form for larger n (it agrees
// with the FD to ~1e-8 where both are computed: the "fd vs closed form" column).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { newtonSchulzLyapunov } from '../src/core/isqrtLyapunov';
import { newtonSchulzComposed, type IsqrtResult } from '../src/core/newtonSchulz';
import { frobeniusNorm, matmul, relativeFrobeniusError, symmetrize, transpose } from '../src/core/reference/matrix';
import { inverseSqrt, inverseSqrtGradient } from '../src/core/reference/matrixFunctions';
import { seededRng, spdWithEigenvalues } from '../src/core/reference/random';
import { symmetricEigen } from '../src/core/reference/jacobi';

const EPS = 1e-5;
const ITERS = [5, 15, 30];
type Isqrt = (cov: tf.Tensor3D, iters: number) => IsqrtResult;

interface Case {
  label: string;
  a: Float64Array;
  n: number;
}

function logSpaced(n: number, condition: number, seed: number): Case {
  const raw = Float64Array.from({ length: n }, (_, i) => condition ** (-i / (n - 1)));
  const norm = Math.hypot(...raw);
  const values = raw.map((v) => v / norm + EPS);
  return { label: `log-spaced, condition ${condition.toExponential(0)}`, a: spdWithEigenvalues(values, seededRng(seed)).matrix, n };
}

function wishart(n: number, seed: number): Case {
  const rng = seededRng(seed);
  const x = Float64Array.from({ length: n * 2 * n }, () => rng.normal());
  const a = matmul(x, transpose(x, n, 2 * n), n, 2 * n, n).map((v) => v / (2 * n));
  for (let i = 0; i < n; i += 1) a[i * n + i] += EPS;
  return { label: 'Wishart x xᵀ/2n', a: symmetrize(a, n), n };
}

async function tfGradient(fn: Isqrt, a: Float64Array, n: number, r: Float64Array, iters: number): Promise<Float64Array> {
  const input = tf.tensor3d(Float32Array.from(a), [1, n, n]);
  const w = tf.tensor3d(Float32Array.from(r), [1, n, n]);
  const grad = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(fn(x as tf.Tensor3D, iters).isqrt, w)))(input);
  const out = symmetrize(Float64Array.from(await grad.data()), n);
  tf.dispose([input, w, grad]);
  return out;
}

function finiteDifferences(a: Float64Array, n: number, r: Float64Array, h: number): Float64Array {
  const loss = (m: Float64Array): number => inverseSqrt(m, n).reduce((acc, v, k) => acc + v * r[k], 0);
  const grad = new Float64Array(n * n);
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      const plus = Float64Array.from(a);
      const minus = Float64Array.from(a);
      for (const k of new Set([i * n + j, j * n + i])) {
        plus[k] += h;
        minus[k] -= h;
      }
      const d = (loss(plus) - loss(minus)) / (2 * h);
      grad[i * n + j] = i === j ? d : d / 2;
      grad[j * n + i] = grad[i * n + j];
    }
  }
  return grad;
}

const cosine = (a: Float64Array, b: Float64Array): number => {
  let ab = 0;
  for (let k = 0; k < a.length; k += 1) ab += a[k] * b[k];
  return ab / (frobeniusNorm(a) * frobeniusNorm(b));
};

/** Smallest mu = lambda / ||S||_F on which K coupled steps have converged to 1e-6 (scalar sign iteration on sqrt(mu)). */
function convergedFrom(iters: number): number {
  const v = (p: number): number => {
    let x = p;
    for (let k = 0; k < iters; k += 1) x = (x * (3 - x * x)) / 2;
    return x;
  };
  let [lo, hi] = [0, 1];
  for (let i = 0; i < 100; i += 1) {
    const mid = (lo + hi) / 2;
    if (1 - v(mid) <= 1e-6) hi = mid;
    else lo = mid;
  }
  return hi * hi;
}

const e = (x: number): string => x.toExponential(1);

async function table(c: Case): Promise<string[]> {
  const { a, n } = c;
  const eigen = symmetricEigen(a, n);
  const norm = frobeniusNorm(a);
  const smallest = eigen.values[n - 1];
  const rng = seededRng(100 + n);
  const r = Float64Array.from({ length: n * n }, () => rng.normal()); // upstream gradient dL/dZ
  const closed = inverseSqrtGradient(a, n, r, eigen);
  const fd = n <= 36 ? finiteDifferences(a, n, r, 1e-4 * smallest) : undefined;
  const exact = fd ?? closed;
  const lines = [
    `**n=${n}, ${c.label}**: condition with eps ${e(eigen.values[0] / smallest)}, mu = lambda/||S||_F in [${e(smallest / norm)}, ${e(eigen.values[0] / norm)}]` +
      (fd ? `; fd vs closed form ${e(relativeFrobeniusError(fd, closed))}` : '; reference: float64 closed form (no FD at this size)'),
    '',
    '| K | eigenvalues converged | lyapunov vs exact | unrolled vs exact | lyapunov vs unrolled | cosine(lyapunov, unrolled) |',
    '|---|---|---|---|---|---|',
  ];
  for (const iters of ITERS) {
    const lyapunov = await tfGradient(newtonSchulzLyapunov, a, n, r, iters);
    const unrolled = await tfGradient(newtonSchulzComposed, a, n, r, iters);
    const threshold = convergedFrom(iters);
    const converged = Array.from(eigen.values).filter((l) => l / norm >= threshold).length;
    lines.push(
      `| ${iters} | ${converged}/${n} | ${e(relativeFrobeniusError(lyapunov, exact))} | ${e(relativeFrobeniusError(unrolled, exact))} | ${e(relativeFrobeniusError(lyapunov, unrolled))} | ${cosine(lyapunov, unrolled).toFixed(3)} |`,
    );
  }
  return [...lines, ''];
}

async function main(): Promise<void> {
  tf.enableProdMode();
  await import('@tensorflow/tfjs-layers'); // registers the core gradients under plain Node
  await tf.setBackend('cpu');
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [9, 36, 144];
  console.log('Relative Frobenius errors of the symmetric parts (float32 tf cpu vs float64).\n');
  for (const n of sizes) {
    for (const condition of [1e2, 1e4, 1e6]) console.log((await table(logSpaced(n, condition, n))).join('\n'));
    console.log((await table(wishart(n, n + 1))).join('\n'));
  }
}

void main();
