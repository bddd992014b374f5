// WGSL for the single-workgroup Newton–Schulz path: one workgroup of 256 threads per matrix keeps
// Y, Z and T in workgroup memory (3 n^2 floats <= 16 KiB, so n <= 36) and runs every step in one
// dispatch. Y_{i+1} = Y_i T_i, Z_{i+1} = T_i Z_i, T_i = 1.5 I - 0.5 Z_i Y_i (docs/algorithm.md §3).
import type { ProgramSpec } from './program';

export const WORKGROUP_BYTES = 16384;
const THREADS = 256;

/** True when the three n x n work matrices fit the default 16 KiB of workgroup memory. */
export function fitsOneWorkgroup(n: number): boolean {
  return (2 * n * n + Math.max(n * n, THREADS)) * 4 <= WORKGROUP_BYTES;
}

/** Shared declarations: workgroup matrices, a reduction helper, and an element-loop size. */
function prelude(n: number): string {
  const nn = n * n;
  return `
    const N = ${n}u;
    const NN = ${nn}u;
    const PER = ${Math.ceil(nn / THREADS)}u;
    var<workgroup> wY : array<f32, ${nn}>;
    var<workgroup> wZ : array<f32, ${nn}>;
    var<workgroup> wT : array<f32, ${Math.max(nn, THREADS)}>;

    // Sum of v over the workgroup; wT is the scratch, so callers must not need wT across this call.
    fn workgroupSum(v : f32) -> f32 {
      workgroupBarrier();
      wT[localIndex] = v;
      workgroupBarrier();
      for (var stride = ${THREADS / 2}u; stride > 0u; stride = stride >> 1u) {
        if (localIndex < stride) { wT[localIndex] = wT[localIndex] + wT[localIndex + stride]; }
        workgroupBarrier();
      }
      let total = wT[0];
      workgroupBarrier();
      return total;
    }
    fn delta(e : u32) -> f32 { return select(0.0, 1.0, e / N == e % N); }
  `;
}

/** Matrix element expressions for product sums: a(i,k) * b(k,j). */
type Access = (row: string, col: string) => string;
const wg =
  (name: string): Access =>
  (r, c) =>
    `${name}[(${r}) * N + (${c})]`;

function dot(a: Access, b: Access): string {
  return `var s = 0.0; for (var k = 0u; k < N; k = k + 1u) { s = s + ${a('i', 'k')} * ${b('k', 'j')}; }`;
}

/** Loop over this thread's elements e = (i, j). `body` may use i, j, e and p (the slot index). */
function forEachElement(body: string): string {
  return `for (var p = 0u; p < PER; p = p + 1u) {
      let e = localIndex + p * ${THREADS}u;
      if (e < NN) { let i = e / N; let j = e % N; ${body} }
    }`;
}

/** One forward step in workgroup memory; `store` (optional) saves Y_i, Z_i, T_i before the update. */
function forwardStep(store?: (what: 'Y' | 'Z' | 'T', value: string) => string): string {
  return `
    ${forEachElement(`${dot(wg('wZ'), wg('wY'))} wT[e] = 1.5 * delta(e) - 0.5 * s;`)}
    workgroupBarrier();
    ${store ? forEachElement(`${store('Y', 'wY[e]')} ${store('Z', 'wZ[e]')} ${store('T', 'wT[e]')}`) : ''}
    var nextY : array<f32, PER>;
    var nextZ : array<f32, PER>;
    ${forEachElement(`{ ${dot(wg('wY'), wg('wT'))} nextY[p] = s; } { ${dot(wg('wT'), wg('wZ'))} nextZ[p] = s; }`)}
    workgroupBarrier();
    ${forEachElement('wY[e] = nextY[p]; wZ[e] = nextZ[p];')}
    workgroupBarrier();`;
}

/** Loads A of this workgroup's matrix, returns s = ||A||_F, sets wY = A / s and wZ = I. */
function scaledStart(): string {
  return `
    let b = workgroupId.x;
    let base = b * NN;
    var partial = 0.0;
    ${forEachElement('let v = A[base + e]; partial = partial + v * v;')}
    let s = sqrt(workgroupSum(partial));
    ${forEachElement('wY[e] = A[base + e] / s; wZ[e] = delta(e);')}
    workgroupBarrier();`;
}

/** Forward: A [B, n, n] -> result [2, B, n, n] = (A^(-1/2), A^(1/2)). */
export function smallForwardSpec(batch: number, n: number, iters: number): ProgramSpec {
  const code = `
    ${prelude(n)}
    fn main() {
      let B = u32(uniforms.outShape.y);
      ${scaledStart()}
      for (var it = 0u; it < ${iters}u; it = it + 1u) {
        ${forwardStep()}
      }
      let r = sqrt(s);
      ${forEachElement('result[base + e] = wZ[e] / r; result[(B + b) * NN + e] = wY[e] * r;')}
    }`;
  return {
    shaderKey: `deconvIsqrtSmallFwd_n${n}_k${iters}`,
    variableNames: ['A'],
    outputShape: [2, batch, n, n],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [batch, 1, 1],
    code,
  };
}

/**
 * Backward by reverse mode through the unrolled steps with the forward recomputed in the same
 * dispatch. Inputs A, GI = dL/dIsqrt, GS = dL/dSqrt, all [B, n, n]. Result [3K + 3, B, n, n]:
 * slot 0 is dL/dA; the other slots hold the recomputed Y_i, Z_i (i = 0..K) and T_i (i < K).
 */
export function smallBackwardSpec(batch: number, n: number, iters: number): ProgramSpec {
  const slotY = (i: string) => `(1u + ${i})`;
  const slotZ = (i: string) => `(${iters + 2}u + ${i})`;
  const slotT = (i: string) => `(${2 * iters + 3}u + ${i})`;
  const at = (slot: string, idx: string) => `result[(${slot} * B + b) * NN + ${idx}]`;
  const glob =
    (slot: string): Access =>
    (r, c) =>
      at(slot, `(${r}) * N + (${c})`);
  const globT =
    (slot: string): Access =>
    (r, c) =>
      at(slot, `(${c}) * N + (${r})`);
  const code = `
    ${prelude(n)}
    fn main() {
      let B = u32(uniforms.outShape.y);
      ${scaledStart()}
      for (var it = 0u; it < ${iters}u; it = it + 1u) {
        ${forwardStep((what, value) => {
          const slot = what === 'Y' ? slotY('it') : what === 'Z' ? slotZ('it') : slotT('it');
          return `${at(slot, 'e')} = ${value};`;
        })}
      }
      let r = sqrt(s);
      // Seed: isqrt = Z_K / r, sqrt = Y_K r, so dZ_K = GI / r, dY_K = GS r, and r gets
      // dr = -<GI, Z_K> / r^2 + <GS, Y_K>.
      var pGI = 0.0;
      var pGS = 0.0;
      ${forEachElement(`
        ${at(slotY(`${iters}u`), 'e')} = wY[e];
        ${at(slotZ(`${iters}u`), 'e')} = wZ[e];
        pGI = pGI + GI[base + e] * wZ[e];
        pGS = pGS + GS[base + e] * wY[e];`)}
      let dr = -workgroupSum(pGI) / (r * r) + workgroupSum(pGS);
      ${forEachElement('wY[e] = GS[base + e] * r; wZ[e] = GI[base + e] / r;')}
      storageBarrier();
      workgroupBarrier();
      for (var step = 0u; step < ${iters}u; step = step + 1u) {
        let it = ${iters - 1}u - step;
        // dT = Y_i^T dY' + dZ' Z_i^T
        ${forEachElement(`var s = 0.0; for (var k = 0u; k < N; k = k + 1u) {
            s = s + ${globT(slotY('it'))('i', 'k')} * wY[k * N + j] + wZ[i * N + k] * ${globT(slotZ('it'))('k', 'j')};
          } wT[e] = s;`)}
        workgroupBarrier();
        // dY = dY' T_i^T - 0.5 Z_i^T dT ;  dZ = T_i^T dZ' - 0.5 dT Y_i^T
        var nextY : array<f32, PER>;
        var nextZ : array<f32, PER>;
        ${forEachElement(`var sy = 0.0; var sz = 0.0; for (var k = 0u; k < N; k = k + 1u) {
            sy = sy + wY[i * N + k] * ${globT(slotT('it'))('k', 'j')} - 0.5 * ${globT(slotZ('it'))('i', 'k')} * wT[k * N + j];
            sz = sz + ${glob(slotT('it'))('k', 'i')} * wZ[k * N + j] - 0.5 * wT[i * N + k] * ${glob(slotY('it'))('j', 'k')};
          } nextY[p] = sy; nextZ[p] = sz;`)}
        workgroupBarrier();
        ${forEachElement('wY[e] = nextY[p]; wZ[e] = nextZ[p];')}
        workgroupBarrier();
      }
      // Y_0 = A / s and s = ||A||_F: dA = dY_0 / s + ds A / s, ds = -<dY_0, A> / s^2 + dr / (2 r).
      var pA = 0.0;
      ${forEachElement('pA = pA + wY[e] * A[base + e];')}
      let ds = -workgroupSum(pA) / (s * s) + dr / (2.0 * r);
      ${forEachElement('result[base + e] = wY[e] / s + ds * A[base + e] / s;')}
    }`;
  return {
    shaderKey: `deconvIsqrtSmallBwd_n${n}_k${iters}`,
    variableNames: ['A', 'GI', 'GS'],
    outputShape: [3 * iters + 3, batch, n, n],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [batch, 1, 1],
    code,
  };
}
