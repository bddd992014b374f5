// Elementwise and per-matrix reduction kernels around the tiled products of the large-n path:
// Frobenius norm, scaling in and out, the seed of the backward pass and its final assembly.
import { ceilDiv, type ProgramSpec } from './program';

const THREADS = 256;
const MAX_GROUPS_X = 32768;

/** One thread per output element; `body` sees `i` (u32) and the `header` lets. Sizes come from uniforms. */
function flatSpec(shaderKey: string, variableNames: string[], outputShape: number[], header: string, body: string): ProgramSpec {
  const size = outputShape.reduce((a, b) => a * b, 1);
  const groups = ceilDiv(size, THREADS);
  const gx = Math.min(groups, MAX_GROUPS_X);
  const gy = ceilDiv(groups, gx);
  return {
    shaderKey,
    variableNames,
    outputShape,
    workgroupSize: [THREADS, 1, 1],
    dispatch: [gx, gy, 1],
    code: `
      fn main() {
        ${header}
        let i = (workgroupId.y * numWorkgroups.x + workgroupId.x) * ${THREADS}u + localIndex;
        if (i < SIZE) { ${body} }
      }`,
  };
}

/** One workgroup per matrix summing `terms` (WGSL expressions in element index e) into result[b * outs + t]. */
function perMatrixSums(shaderKey: string, variableNames: string[], batch: number, terms: string[], post: string): ProgramSpec {
  const outs = terms.length;
  return {
    shaderKey,
    variableNames,
    outputShape: outs === 1 ? [batch] : [batch, outs],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [batch, 1, 1],
    code: `
      var<workgroup> partial : array<f32, ${THREADS}>;
      fn reduce(v : f32) -> f32 {
        workgroupBarrier();
        partial[localIndex] = v;
        workgroupBarrier();
        for (var stride = ${THREADS / 2}u; stride > 0u; stride = stride >> 1u) {
          if (localIndex < stride) { partial[localIndex] = partial[localIndex] + partial[localIndex + stride]; }
          workgroupBarrier();
        }
        return partial[0];
      }
      fn main() {
        let B = u32(uniforms.aShape.x);
        let NN = u32(uniforms.aShape.y * uniforms.aShape.z);
        let b = workgroupId.x;
        let base = b * NN;
        ${terms
          .map(
            (term, t) => `{
          var acc = 0.0;
          for (var e = localIndex; e < NN; e = e + ${THREADS}u) { acc = acc + ${term}; }
          let total = reduce(acc);
          if (localIndex == 0u) { result[b * ${outs}u + ${t}u] = ${post.replace('$', 'total')}; }
        }`,
          )
          .join('\n')}
      }`,
  };
}

/** ||A||_F per matrix: A [B, n, n] -> [B]. */
export function normSpec(batch: number): ProgramSpec {
  return perMatrixSums('deconvFrobenius', ['A'], batch, ['A[base + e] * A[base + e]'], 'sqrt($)');
}

// Sizes of a stacked [2, B, n, n] output, or of a [B, n, n] one.
const stacked = 'let B = u32(uniforms.outShape.y); let N = u32(uniforms.outShape.z); let NN = N * N; let SIZE = 2u * B * NN;';
const single = 'let B = u32(uniforms.outShape.x); let N = u32(uniforms.outShape.y); let NN = N * N; let SIZE = B * NN;';
// For a flat index i into [2, B, n, n]: slot, matrix, element, and whether it is on the diagonal.
const decompose = `let slot = i / (B * NN); let b = (i / NN) % B; let e = i % NN; let diag = e / N == e % N;`;

/** (A, S) -> [2, B, n, n] holding Y_0 = A / s and Z_0 = I. */
export function initSpec(batch: number, n: number): ProgramSpec {
  return flatSpec(
    'deconvNsInit',
    ['A', 'S'],
    [2, batch, n, n],
    stacked,
    `${decompose}
    result[i] = select(select(0.0, 1.0, diag), A[b * NN + e] / S[b], slot == 0u);`,
  );
}

/** (YZ, S) -> [2, B, n, n] holding (Z / sqrt(s), Y sqrt(s)) = (A^(-1/2), A^(1/2)). */
export function finishSpec(batch: number, n: number): ProgramSpec {
  return flatSpec(
    'deconvNsFinish',
    ['YZ', 'S'],
    [2, batch, n, n],
    stacked,
    `${decompose}
    let r = sqrt(S[b]);
    result[i] = select(YZ[(B + b) * NN + e] / r, YZ[b * NN + e] * r, slot == 1u);`,
  );
}

/** (GI, GS, S) -> [2, B, n, n] holding (dY_K, dZ_K) = (GS sqrt(s), GI / sqrt(s)). */
export function seedSpec(batch: number, n: number): ProgramSpec {
  return flatSpec(
    'deconvNsSeed',
    ['GI', 'GS', 'S'],
    [2, batch, n, n],
    stacked,
    `${decompose}
    let r = sqrt(S[b]);
    result[i] = select(GI[b * NN + e] / r, GS[b * NN + e] * r, slot == 0u);`,
  );
}

/** (G0 = stacked (dY_0, dZ_0), A, GI, YZK, GS) -> [B, 3] = (<dY_0, A>, <GI, Z_K>, <GS, Y_K>). */
export function dotsSpec(batch: number): ProgramSpec {
  return perMatrixSums(
    'deconvNsDots',
    ['G0', 'A', 'GI', 'YZK', 'GS'],
    batch,
    ['G0[base + e] * A[base + e]', 'GI[base + e] * YZK[(B + b) * NN + e]', 'GS[base + e] * YZK[base + e]'],
    '$',
  );
}

/**
 * dA = dY_0 / s + ds A / s with ds = -<dY_0, A> / s^2 + dr / (2 r), dr = -<GI, Z_K> / r^2 + <GS, Y_K>,
 * because Y_0 = A / s, s = ||A||_F, r = sqrt(s), isqrt = Z_K / r and sqrt = Y_K r.
 */
export function gradFinishSpec(batch: number, n: number): ProgramSpec {
  return flatSpec(
    'deconvNsGradFinish',
    ['G0', 'A', 'S', 'D'],
    [batch, n, n],
    single,
    `
    let b = i / NN;
    let s = S[b];
    let r = sqrt(s);
    let dr = -D[b * 3u + 1u] / (r * r) + D[b * 3u + 2u];
    let ds = -D[b * 3u] / (s * s) + dr / (2.0 * r);
    result[i] = G0[i] / s + ds * A[i] / s;`,
  );
}
