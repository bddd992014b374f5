// The few pieces of the WebAssembly binary format that simdConvModule.ts needs to write a module
// by hand: LEB128 numbers, length-prefixed vectors and sections, and the opcodes it uses.

/** Unsigned LEB128. */
export function u32(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function s32(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

/** A vector: its length, then its items. */
export function vec(items: number[][]): number[] {
  return [...u32(items.length), ...items.flat()];
}

/** A section: id, byte size, content. */
export function section(id: number, content: number[]): number[] {
  return [id, ...u32(content.length), ...content];
}

/** A name as the format stores it (length-prefixed UTF-8; ours are ASCII). */
export function name(text: string): number[] {
  return [...u32(text.length), ...Array.from(text, (ch) => ch.charCodeAt(0))];
}

export const SECTION = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;
export const TYPE = { i32: 0x7f, v128: 0x7b, func: 0x60, emptyBlock: 0x40 } as const;

/** Opcodes (SIMD ones after the 0xfd prefix, as LEB128). Memory accesses take a memarg: align exponent, offset. */
export const OP = {
  block: 0x02,
  loop: 0x03,
  end: 0x0b,
  br: 0x0c,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Load: 0x28,
  i32Const: 0x41,
  i32GeS: 0x4e,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  simd: 0xfd,
} as const;

export const SIMD_OP = { v128Load: 0x00, v128Store: 0x0b, v128Const: 0x0c, f32x4Add: 0xe4, f32x4Mul: 0xe6 } as const;

/** A SIMD instruction: prefix, opcode, immediates. */
export function simd(op: number, ...immediates: number[]): number[] {
  return [OP.simd, ...u32(op), ...immediates];
}
