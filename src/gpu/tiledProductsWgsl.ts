// One batched, tiled kernel for every matrix product of the large-n Newton–Schulz path and its
// backward pass. Each output slot is a sum of up to a few products op(X) op(Y) with constant
// coefficients, plus c * I; several slots share one dispatch (z = slot * B + batch), so a
// Newton–Schulz step takes two dispatches instead of the composed version's five.
import { ceilDiv, type ProgramSpec } from './program';

/** A matrix taken from input `input` (index into the program's inputs) at stacked slot `slot`. */
export interface Operand {
  input: number;
  slot: number;
  transpose: boolean;
}
export interface Term {
  a: Operand;
  b: Operand;
  coef: number;
}
/** out = sum of coef * op(a) op(b) over terms, + identity * I. Every output has the same number of terms. */
export interface OutputSpec {
  terms: Term[];
  identity: number;
}

// 64 threads (8 x 8), each accumulating a 4 x 4 block of a 32 x 32 output tile: few invocations
// with much register reuse suit both GPUs and SwiftShader (where a workgroup is one CPU thread).
const TILE = 32;
const TK = 32;
const THREADS = 64;

// The 4 x 4 block written out as scalars: dynamically indexed arrays may live in memory, not registers.
const BLOCK = [0, 1, 2, 3].flatMap((r) => [0, 1, 2, 3].map((c) => `${r}${c}`));
const UNROLLED_FMA = [
  ...[0, 1, 2, 3].map((r) => `let a${r} = tileA[(ty + ${8 * r}u) * ${TK}u + kk];`),
  ...[0, 1, 2, 3].map((c) => `let b${c} = tileB[kk * ${TILE}u + tx + ${8 * c}u];`),
  ...BLOCK.map((rc) => `acc${rc} = acc${rc} + a${rc[0]} * b${rc[1]};`),
].join('\n        ');

const f32 = (v: number): string => (Number.isInteger(v) ? `${v}.0` : `${v}`);

function describe(outputs: OutputSpec[]): string {
  const op = (o: Operand) => `${o.input}.${o.slot}${o.transpose ? 't' : ''}`;
  return outputs.map((o) => `${o.terms.map((t) => `${t.coef}*${op(t.a)}*${op(t.b)}`).join('+')}+${o.identity}I`).join('|');
}

/**
 * Inputs are stacked tensors [slots_k, B, n, n] (a plain [B, n, n] is one slot); the result is
 * [outputs.length, B, n, n].
 */
export function tiledProductsSpec(inputNames: string[], batch: number, n: number, outputs: OutputSpec[]): ProgramSpec {
  const termCount = outputs[0].terms.length;
  if (outputs.some((o) => o.terms.length !== termCount)) throw new Error('tiledProducts: outputs need equal term counts');
  // Element (r, c) of op(X), where r and c are expressions.
  const read = (o: Operand, r: string, c: string): string => {
    const [row, col] = o.transpose ? [c, r] : [r, c];
    return `${inputNames[o.input]}[((${o.slot}u * B + b) * N + u32(${row})) * N + u32(${col})]`;
  };
  const loadBranches = (term: number): string =>
    outputs
      .map((o, slot) => {
        const t = o.terms[term];
        return `if (oslot == ${slot}u) {
          va = ${f32(t.coef)} * ${read(t.a, 'ar', 'ak')};
          vb = ${read(t.b, 'bk', 'bc')};
        }`;
      })
      .join(' else ');
  const termLoop = (term: number): string => `
    for (var k0 = 0u; k0 < N; k0 = k0 + ${TK}u) {
      for (var q = 0u; q < ${(TILE * TK) / THREADS}u; q = q + 1u) {
        let idx = localIndex + q * ${THREADS}u;
        let rawAr = row0 + idx / ${TK}u;
        let rawAk = k0 + idx % ${TK}u;
        let rawBk = k0 + idx / ${TILE}u;
        let rawBc = col0 + idx % ${TILE}u;
        // Clamped indices keep every read in bounds; out-of-range entries are zeroed below.
        let ar = min(rawAr, N - 1u);
        let ak = min(rawAk, N - 1u);
        let bk = min(rawBk, N - 1u);
        let bc = min(rawBc, N - 1u);
        var va = 0.0;
        var vb = 0.0;
        ${loadBranches(term)}
        va = select(0.0, va, rawAr < N && rawAk < N);
        vb = select(0.0, vb, rawBk < N && rawBc < N);
        tileA[idx] = va;
        tileB[idx] = vb;
      }
      workgroupBarrier();
      for (var kk = 0u; kk < ${TK}u; kk = kk + 1u) {
        ${UNROLLED_FMA}
      }
      workgroupBarrier();
    }`;
  const identities = outputs.map((o, slot) => `select(0.0, ${f32(o.identity)}, oslot == ${slot}u)`).join(' + ');
  const code = `
    var<workgroup> tileA : array<f32, ${TILE * TK}>;
    var<workgroup> tileB : array<f32, ${TILE * TK}>;
    fn store(N : u32, B : u32, oslot : u32, b : u32, i : u32, j : u32, v : f32) {
      if (i < N && j < N) {
        let diag = ${identities};
        result[((oslot * B + b) * N + i) * N + j] = v + select(0.0, diag, i == j);
      }
    }
    fn main() {
      // Sizes come from the uniforms so one pipeline serves every n and batch.
      let B = u32(uniforms.outShape.y);
      let N = u32(uniforms.outShape.z);
      let oslot = workgroupId.z / B;
      let b = workgroupId.z % B;
      let row0 = workgroupId.y * ${TILE}u;
      let col0 = workgroupId.x * ${TILE}u;
      let tx = localIndex % 8u;
      let ty = localIndex / 8u;
      ${BLOCK.map((rc) => `var acc${rc} = 0.0;`).join(' ')}
      ${Array.from({ length: termCount }, (_, t) => termLoop(t)).join('\n')}
      ${BLOCK.map((rc) => `store(N, B, oslot, b, row0 + ty + ${8 * Number(rc[0])}u, col0 + tx + ${8 * Number(rc[1])}u, acc${rc});`).join('\n      ')}
    }`;
  const tiles = ceilDiv(n, TILE);
  return {
    shaderKey: `deconvTiledProducts4x4u_${inputNames.join(',')}_${describe(outputs)}`,
    variableNames: inputNames,
    outputShape: [outputs.length, batch, n, n],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [tiles, tiles, outputs.length * batch],
    code,
  };
}
