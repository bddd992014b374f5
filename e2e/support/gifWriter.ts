// A tiny animated GIF writer for tests: 4-colour frames, LZW codes kept at 3 bits by sending a
// clear code before every pixel (valid GIF, just not compressed), and a looping extension.

export type Rgb = [number, number, number];

/** Packs variable-width codes least-significant bit first, as GIF's LZW stream wants. */
function packCodes(codes: number[], width: number): Buffer {
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const code of codes) {
    acc |= code << bits;
    bits += width;
    while (bits >= 8) {
      bytes.push(acc & 0xff);
      acc >>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) bytes.push(acc & 0xff);
  return Buffer.from(bytes);
}

function subBlocks(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 255) {
    const piece = data.subarray(i, i + 255);
    parts.push(Buffer.from([piece.length]), piece);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
}

function u16(value: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value, 0);
  return b;
}

/**
 * An animated GIF whose frames are index maps (values 0..3) into `palette` (4 colours).
 * Each frame is shown for 100 ms and the animation loops forever.
 */
export function animatedGif(width: number, height: number, palette: [Rgb, Rgb, Rgb, Rgb], frames: Uint8Array[]): Buffer {
  const CLEAR = 4;
  const END = 5;
  const header = Buffer.concat([
    Buffer.from('GIF89a', 'ascii'),
    u16(width),
    u16(height),
    Buffer.from([0x91, 0, 0]),
    Buffer.from(palette.flat()),
  ]);
  const loop = Buffer.concat([Buffer.from([0x21, 0xff, 0x0b]), Buffer.from('NETSCAPE2.0', 'ascii'), Buffer.from([3, 1, 0, 0, 0])]);
  const parts: Buffer[] = [header, loop];
  for (const frame of frames) {
    const codes: number[] = [];
    for (const index of frame) codes.push(CLEAR, index);
    codes.push(END);
    parts.push(
      Buffer.from([0x21, 0xf9, 0x04, 0x04, 10, 0, 0, 0]), // graphic control: keep frame, 100 ms
      Buffer.concat([Buffer.from([0x2c]), u16(0), u16(0), u16(width), u16(height), Buffer.from([0])]),
      Buffer.from([2]), // LZW minimum code size: 2 bits per index, so codes start at 3 bits
      subBlocks(packCodes(codes, 3)),
    );
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}
