// A hand-written WebAssembly module with one function per group size (1 or 3 output channels):
// one row of the reflect-padded convolution, four pixels per f32x4 lane group. For each group of
// four output pixels it sums every tap (offset into the padded planes, weights pre-splatted to
// four lanes) into registers and stores one f32x4 per output channel into planar rows.
//
// convRow<n>(src, blocks, taps, tapsEnd, weights, dst, planeBytes), all byte addresses in the
// imported memory "env"."memory":
//   for b < blocks: acc[o] = sum over t of load4(src + 16 b + tap[t]) * weight4[t][o];
//                   store4(dst + 16 b + o * planeBytes, acc[o])
// with tap[t] the i32 at taps + 4 t (taps..tapsEnd) and weight4[t][o] the 16 bytes at weights + 16 (n t + o).
import { name, OP, s32, section, SECTION, simd, SIMD_OP, TYPE, u32, vec } from './wasmEncoding';

/** Output channels per function: the functions are exported as `convRow1` and `convRow3`. */
export const GROUP_SIZES = [1, 3] as const;

const P = { src: 0, blocks: 1, taps: 2, tapsEnd: 3, weights: 4, dst: 5, planeBytes: 6 } as const;
const L = { block: 7, tap: 8, weight: 9, base: 10, pixels: 11, acc: 12 } as const;
const MEMARG = [0, 0];

const get = (index: number) => [OP.localGet, ...u32(index)];
const set = (index: number) => [OP.localSet, ...u32(index)];
const i32 = (value: number) => [OP.i32Const, ...s32(value)];

function body(outs: number): number[] {
  const accs = Array.from({ length: outs }, (_, o) => L.acc + o);
  const tapLoop = [
    ...[OP.block, TYPE.emptyBlock, OP.loop, TYPE.emptyBlock],
    ...[...get(L.tap), ...get(P.tapsEnd), OP.i32GeS, OP.brIf, 1],
    // pixels = load4(base + tap[t])
    ...[...get(L.base), ...get(L.tap), OP.i32Load, 2, 0, OP.i32Add, ...simd(SIMD_OP.v128Load, ...MEMARG), ...set(L.pixels)],
    ...accs.flatMap((acc, o) => [
      ...get(acc),
      ...get(L.pixels),
      ...get(L.weight),
      ...simd(SIMD_OP.v128Load, 0, ...u32(16 * o)),
      ...simd(SIMD_OP.f32x4Mul),
      ...simd(SIMD_OP.f32x4Add),
      ...set(acc),
    ]),
    ...[...get(L.weight), ...i32(16 * outs), OP.i32Add, ...set(L.weight)],
    ...[...get(L.tap), ...i32(4), OP.i32Add, ...set(L.tap)],
    ...[OP.br, 0, OP.end, OP.end],
  ];
  const store = accs.flatMap((acc, o) => [
    ...[...get(P.dst), ...get(L.block), ...i32(16), OP.i32Mul, OP.i32Add],
    ...(o > 0 ? [...get(P.planeBytes), ...i32(o), OP.i32Mul, OP.i32Add] : []),
    ...get(acc),
    ...simd(SIMD_OP.v128Store, ...MEMARG),
  ]);
  const code = [
    ...[...i32(0), ...set(L.block)],
    ...[OP.block, TYPE.emptyBlock, OP.loop, TYPE.emptyBlock],
    ...[...get(L.block), ...get(P.blocks), OP.i32GeS, OP.brIf, 1],
    ...[...get(P.src), ...get(L.block), ...i32(16), OP.i32Mul, OP.i32Add, ...set(L.base)],
    ...accs.flatMap((acc) => [...simd(SIMD_OP.v128Const, ...new Array<number>(16).fill(0)), ...set(acc)]),
    ...[...get(P.taps), ...set(L.tap), ...get(P.weights), ...set(L.weight)],
    ...tapLoop,
    ...store,
    ...[...get(L.block), ...i32(1), OP.i32Add, ...set(L.block)],
    ...[OP.br, 0, OP.end, OP.end],
    OP.end,
  ];
  const locals = vec([
    [...u32(4), TYPE.i32],
    [...u32(1 + outs), TYPE.v128],
  ]);
  const content = [...locals, ...code];
  return [...u32(content.length), ...content];
}

/** The module's bytes. */
export function simdConvModuleBytes(): Uint8Array<ArrayBuffer> {
  const rowType = [TYPE.func, ...vec(new Array<number[]>(7).fill([TYPE.i32])), ...vec([])];
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...u32(1)];
  const bytes = [
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(SECTION.type, vec([rowType])),
    ...section(SECTION.import, vec([memoryImport])),
    ...section(SECTION.function, vec(GROUP_SIZES.map(() => u32(0)))),
    ...section(SECTION.export, vec(GROUP_SIZES.map((n, index) => [...name(`convRow${n}`), 0x00, ...u32(index)]))),
    ...section(SECTION.code, vec(GROUP_SIZES.map(body))),
  ];
  return new Uint8Array(bytes);
}
