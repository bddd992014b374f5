// A baseline CMYK JPEG written by hand for tests (jpeg-js only writes YCbCr). Every 8×8 block is
// one flat colour, so each block needs only its DC coefficient: no DCT, all AC terms are zero.
// Like Photoshop's files it carries an Adobe APP14 marker (transform 0 = plain CMYK) and stores
// inverted inks (255 − ink), which is what browsers expect from Adobe CMYK JPEGs.

export type Cmyk = [number, number, number, number];

class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private bits = 0;

  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i -= 1) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      this.bits += 1;
      if (this.bits === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.bytes.push(this.acc);
    if (this.acc === 0xff) this.bytes.push(0x00); // byte stuffing
    this.acc = 0;
    this.bits = 0;
  }

  finish(): Buffer {
    while (this.bits !== 0) this.write(1, 1); // pad with ones
    return Buffer.from(this.bytes);
  }
}

function segment(marker: number, body: number[]): Buffer {
  const length = body.length + 2;
  return Buffer.from([0xff, marker, length >> 8, length & 0xff, ...body]);
}

function magnitudeCategory(value: number): number {
  let category = 0;
  for (let v = Math.abs(value); v > 0; v >>= 1) category += 1;
  return category;
}

/**
 * A CMYK JPEG of `width`×`height` (multiples of 8) whose 8×8 block (bx, by) has the ink amounts
 * `inkAt(bx, by)` (0 = no ink, 255 = full ink).
 */
export function cmykJpeg(width: number, height: number, inkAt: (bx: number, by: number) => Cmyk): Buffer {
  if (width % 8 !== 0 || height % 8 !== 0) throw new Error('cmykJpeg: width and height must be multiples of 8');
  const components = [1, 2, 3, 4];
  const adobe = segment(0xee, [...Buffer.from('Adobe', 'ascii'), 0, 100, 0, 0, 0, 0, 0]);
  const quant = segment(0xdb, [0x00, ...new Array<number>(64).fill(1)]);
  const frame = segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 4, ...components.flatMap((id) => [id, 0x11, 0])]);
  // DC table: categories 0..11, all 4-bit codes (0000 = category 0, ...). AC table: only EOB, code "0".
  const dcCounts = new Array<number>(16).fill(0);
  dcCounts[3] = 12;
  const acCounts = new Array<number>(16).fill(0);
  acCounts[0] = 1;
  const huffman = segment(0xc4, [0x00, ...dcCounts, ...Array.from({ length: 12 }, (_, i) => i), 0x10, ...acCounts, 0x00]);
  const scanHeader = segment(0xda, [4, ...components.flatMap((id) => [id, 0x00]), 0, 63, 0]);

  const bits = new BitWriter();
  const previous = [0, 0, 0, 0];
  for (let by = 0; by < height / 8; by += 1) {
    for (let bx = 0; bx < width / 8; bx += 1) {
      const inks = inkAt(bx, by);
      for (let c = 0; c < 4; c += 1) {
        // A flat block of level-shifted value s has DC = 8·s with a quantiser of 1.
        const dc = 8 * (255 - inks[c] - 128);
        const diff = dc - previous[c];
        previous[c] = dc;
        const category = magnitudeCategory(diff);
        bits.write(category, 4);
        if (category > 0) bits.write(diff > 0 ? diff : diff + (1 << category) - 1, category);
        bits.write(0, 1); // EOB
      }
    }
  }
  return Buffer.concat([Buffer.from([0xff, 0xd8]), adobe, quant, frame, huffman, scanHeader, bits.finish(), Buffer.from([0xff, 0xd9])]);
}

/** The sRGB colour browsers show for ink amounts (naive CMYK→RGB, no ICC profile). */
export function cmykToRgb([c, m, y, k]: Cmyk): [number, number, number] {
  return [c, m, y].map((ink) => Math.round(((255 - ink) * (255 - k)) / 255)) as [number, number, number];
}
