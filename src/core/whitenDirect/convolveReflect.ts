// out[y, x, o] = sum over (c, dy, dx) of w[o, c, dy, dx] * img[reflect(y + dy - h), reflect(x + dx - h), c] - bias[o]
// for an HWC Float32Array: the conv2d of the reflect-padded image ('valid', stride 1) that
// whitenTensors and whitenApply run through tfjs: WebAssembly SIMD (convolveSimd.ts) where the
// runtime has it, else plain loops over padded channel planes.
import { convolveSimd } from './convolveSimd';
import { checkConvInput, fillPaddedPlanes, type ConvWeights } from './paddedPlanes';

export { reflectIndex, type ConvWeights } from './paddedPlanes';

/** Channel planes of the image padded by `half` on every side, each (H + 2h) x (W + 2h). */
function paddedPlanes(pixels: Float32Array, height: number, width: number, channels: number, half: number): Float32Array {
  const pw = width + 2 * half;
  const planes = new Float32Array(channels * (height + 2 * half) * pw);
  fillPaddedPlanes(planes, pw, { pixels, height, width, channels }, half);
  return planes;
}

/** Taps summed per pass over a row: the row accumulator is read and written once per GROUP multiply-adds. */
const GROUP = 9;

interface Taps {
  /** Offset of each tap in the padded planes, relative to the output pixel's top-left source (c = 0, dy = 0, dx = 0). */
  offsets: Int32Array;
  weights: Float64Array;
}

/** Output channel o's taps in (c, dy, dx) order, padded with zero-weight taps to a multiple of GROUP. */
function channelTaps(w: ConvWeights, o: number, ph: number, pw: number): Taps {
  const { cIn, kernel: k } = w;
  const count = Math.ceil((cIn * k * k) / GROUP) * GROUP;
  const offsets = new Int32Array(count);
  const weights = new Float64Array(count);
  let t = 0;
  for (let c = 0; c < cIn; c += 1) {
    for (let dy = 0; dy < k; dy += 1) {
      for (let dx = 0; dx < k; dx += 1) {
        offsets[t] = (c * ph + dy) * pw + dx;
        weights[t] = w.weights[((o * cIn + c) * k + dy) * k + dx];
        t += 1;
      }
    }
  }
  return { offsets, weights };
}

/** acc[x] = (overwrite) or += (else) the sum of taps [t, t + GROUP) at row start `base`, x < width. Unrolled: this is the hot loop. */
function addGroup(acc: Float64Array, planes: Float32Array, taps: Taps, t: number, base: number, width: number, overwrite: boolean): void {
  const f = taps.offsets;
  const w = taps.weights;
  const s0 = base + f[t],
    s1 = base + f[t + 1],
    s2 = base + f[t + 2],
    s3 = base + f[t + 3],
    s4 = base + f[t + 4];
  const s5 = base + f[t + 5],
    s6 = base + f[t + 6],
    s7 = base + f[t + 7],
    s8 = base + f[t + 8];
  const w0 = w[t],
    w1 = w[t + 1],
    w2 = w[t + 2],
    w3 = w[t + 3],
    w4 = w[t + 4],
    w5 = w[t + 5],
    w6 = w[t + 6],
    w7 = w[t + 7],
    w8 = w[t + 8];
  if (overwrite) {
    for (let x = 0; x < width; x += 1) {
      acc[x] =
        w0 * planes[s0 + x] +
        w1 * planes[s1 + x] +
        w2 * planes[s2 + x] +
        w3 * planes[s3 + x] +
        w4 * planes[s4 + x] +
        w5 * planes[s5 + x] +
        w6 * planes[s6 + x] +
        w7 * planes[s7 + x] +
        w8 * planes[s8 + x];
    }
  } else {
    for (let x = 0; x < width; x += 1) {
      acc[x] +=
        w0 * planes[s0 + x] +
        w1 * planes[s1 + x] +
        w2 * planes[s2 + x] +
        w3 * planes[s3 + x] +
        w4 * planes[s4 + x] +
        w5 * planes[s5 + x] +
        w6 * planes[s6 + x] +
        w7 * planes[s7 + x] +
        w8 * planes[s8 + x];
    }
  }
}

/** Taps per pass when three output channels are summed together (18 weights and 6 loads per pass stay in registers). */
const GROUP3 = 6;

/** All taps of the three output channels: shared offsets, weights interleaved [tap][o], padded to a multiple of GROUP3. */
function tripleTaps(w: ConvWeights, ph: number, pw: number): { offsets: Int32Array; weights: Float64Array } {
  const { cIn, kernel: k } = w;
  const count = Math.ceil((cIn * k * k) / GROUP3) * GROUP3;
  const offsets = new Int32Array(count);
  const weights = new Float64Array(3 * count);
  let t = 0;
  for (let c = 0; c < cIn; c += 1) {
    for (let dy = 0; dy < k; dy += 1) {
      for (let dx = 0; dx < k; dx += 1) {
        offsets[t] = (c * ph + dy) * pw + dx;
        for (let o = 0; o < 3; o += 1) weights[3 * t + o] = w.weights[((o * cIn + c) * k + dy) * k + dx];
        t += 1;
      }
    }
  }
  return { offsets, weights };
}

/**
 * Three output channels at once (colour): each padded-plane value loaded feeds all three sums, a third
 * of the loads of one pass per output channel. acc[o][x] += taps [t, t + GROUP3) at row start `base`.
 */
function addGroup3(
  acc: Float64Array[],
  planes: Float32Array,
  taps: { offsets: Int32Array; weights: Float64Array },
  t: number,
  base: number,
  width: number,
): void {
  const f = taps.offsets;
  const w = taps.weights;
  const [a0, a1, a2] = acc;
  const s0 = base + f[t],
    s1 = base + f[t + 1],
    s2 = base + f[t + 2],
    s3 = base + f[t + 3],
    s4 = base + f[t + 4],
    s5 = base + f[t + 5];
  const q = 3 * t;
  const w00 = w[q],
    w01 = w[q + 1],
    w02 = w[q + 2],
    w10 = w[q + 3],
    w11 = w[q + 4],
    w12 = w[q + 5];
  const w20 = w[q + 6],
    w21 = w[q + 7],
    w22 = w[q + 8],
    w30 = w[q + 9],
    w31 = w[q + 10],
    w32 = w[q + 11];
  const w40 = w[q + 12],
    w41 = w[q + 13],
    w42 = w[q + 14],
    w50 = w[q + 15],
    w51 = w[q + 16],
    w52 = w[q + 17];
  for (let x = 0; x < width; x += 1) {
    const p0 = planes[s0 + x],
      p1 = planes[s1 + x],
      p2 = planes[s2 + x],
      p3 = planes[s3 + x],
      p4 = planes[s4 + x],
      p5 = planes[s5 + x];
    a0[x] += w00 * p0 + w10 * p1 + w20 * p2 + w30 * p3 + w40 * p4 + w50 * p5;
    a1[x] += w01 * p0 + w11 * p1 + w21 * p2 + w31 * p3 + w41 * p4 + w51 * p5;
    a2[x] += w02 * p0 + w12 * p1 + w22 * p2 + w32 * p3 + w42 * p4 + w52 * p5;
  }
}

function convolveThree(planes: Float32Array, height: number, width: number, w: ConvWeights, ph: number, pw: number): Float32Array {
  const taps = tripleTaps(w, ph, pw);
  const acc = [new Float64Array(width), new Float64Array(width), new Float64Array(width)];
  const [b0, b1, b2] = [w.bias[0], w.bias[1], w.bias[2]];
  const out = new Float32Array(height * width * 3);
  for (let y = 0; y < height; y += 1) {
    for (const a of acc) a.fill(0);
    for (let first = 0; first < taps.offsets.length; first += GROUP3) addGroup3(acc, planes, taps, first, y * pw, width);
    const [a0, a1, a2] = acc;
    let d = y * width * 3;
    for (let x = 0; x < width; x += 1) {
      out[d] = a0[x] - b0;
      out[d + 1] = a1[x] - b1;
      out[d + 2] = a2[x] - b2;
      d += 3;
    }
  }
  return out;
}

/** The convolution in plain JavaScript loops (float64 sums): where WebAssembly SIMD is missing, and the reference for it. */
export function convolveReflectLoops(pixels: Float32Array, height: number, width: number, w: ConvWeights): Float32Array {
  checkConvInput(pixels, height, width, w);
  const { cOut, cIn, kernel: k } = w;
  const half = (k - 1) / 2;
  const pw = width + 2 * half;
  const ph = height + 2 * half;
  const planes = paddedPlanes(pixels, height, width, cIn, half);
  if (cOut === 3) return convolveThree(planes, height, width, w, ph, pw);
  const acc = new Float64Array(width);
  const out = new Float32Array(height * width * cOut);
  for (let o = 0; o < cOut; o += 1) {
    const taps = channelTaps(w, o, ph, pw);
    const bias = w.bias[o];
    for (let y = 0; y < height; y += 1) {
      for (let first = 0; first < taps.offsets.length; first += GROUP) addGroup(acc, planes, taps, first, y * pw, width, first === 0);
      for (let x = 0; x < width; x += 1) out[(y * width + x) * cOut + o] = acc[x] - bias;
    }
  }
  return out;
}

/**
 * Images below this many pixels take the loops: they cost microseconds there, and a few-patch image's
 * whitened values sit on its display range's edge, where float32 sums move them between histogram bins.
 */
export const SIMD_MIN_PIXELS = 4096;

/** The convolution: with WebAssembly SIMD (float32 sums, about 5x faster) when the runtime has it, else in loops. */
export function convolveReflect(pixels: Float32Array, height: number, width: number, w: ConvWeights): Float32Array {
  checkConvInput(pixels, height, width, w);
  const simd = height * width >= SIMD_MIN_PIXELS ? convolveSimd(pixels, height, width, w) : null;
  return simd ?? convolveReflectLoops(pixels, height, width, w);
}
