// convolveReflect on WebAssembly SIMD (simdConvModule.ts): float32 multiply-adds four pixels at a
// time, about 5x the plain loops. The planes hold the pixels minus their channel means, and the
// bias takes the weights times the means (in float64): whitening kernels nearly sum to zero, so
// summing the raw pixels in float32 would cancel most of each sum and keep its rounding error.
// The padded planes of the last image stay in the module's memory,
// so a change of eps or K (same pixels, same k) only writes the taps and weights: callers must not
// write into a pixel array between two convolutions of it (as for whitenCache).
import { checkConvInput, fillPaddedPlanes, type ConvWeights } from './paddedPlanes';
import { simdConvModuleBytes } from './simdConvModule';

type ConvRow = (src: number, blocks: number, taps: number, tapsEnd: number, weights: number, dst: number, planeBytes: number) => void;

interface Engine {
  memory: WebAssembly.Memory;
  rows: { 1: ConvRow; 3: ConvRow };
  /** What the planes region holds now. */
  planes: { pixels: Float32Array; half: number; at: number; means: Float64Array } | null;
}

/** undefined until first asked; null when this runtime has no WebAssembly SIMD. */
let engine: Engine | null | undefined;

function startEngine(): Engine | null {
  if (typeof WebAssembly !== 'object') return null;
  const bytes = simdConvModuleBytes();
  try {
    if (!WebAssembly.validate(bytes)) return null;
    const memory = new WebAssembly.Memory({ initial: 1 });
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
    return { memory, rows: { 1: exports.convRow1 as ConvRow, 3: exports.convRow3 as ConvRow }, planes: null };
  } catch {
    return null;
  }
}

/** True when convolveReflect runs on WebAssembly SIMD here. */
export function simdAvailable(): boolean {
  engine ??= startEngine();
  return engine !== null;
}

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/** Byte addresses of the regions: taps (i32), splatted weights of one group, padded planes, planar output rows. */
function layout(height: number, width: number, w: ConvWeights) {
  const half = (w.kernel - 1) / 2;
  const taps = w.cIn * w.kernel * w.kernel;
  const stride = width + 2 * half;
  const blocks = Math.ceil(width / 4);
  const weightsAt = align16(4 * taps);
  const planesAt = weightsAt + 3 * 16 * taps;
  // The last block of a row reads up to three values past the padded row: slack after the last plane.
  const outAt = align16(planesAt + 4 * w.cIn * (height + 2 * half) * stride + 64);
  const planeBytes = height * blocks * 16;
  return { half, taps, stride, blocks, weightsAt, planesAt, outAt, planeBytes, end: outAt + w.cOut * planeBytes };
}

/** Per-channel means of an HWC array. */
function channelMeans(pixels: Float32Array, channels: number): Float64Array {
  const sums = new Float64Array(channels);
  for (let c = 0; c < channels; c += 1) for (let i = c; i < pixels.length; i += channels) sums[c] += pixels[i];
  return sums.map((s) => (s * channels) / pixels.length);
}

/** bias[o] - sum over (c, taps) of w[o, c, tap] * means[c]: the bias of the convolution of the centred planes. */
function centredBias(w: ConvWeights, means: Float64Array): Float64Array {
  const taps = w.kernel * w.kernel;
  return Float64Array.from({ length: w.cOut }, (_, o) => {
    let shift = 0;
    for (let c = 0; c < w.cIn; c += 1) for (let t = 0; t < taps; t += 1) shift += w.weights[(o * w.cIn + c) * taps + t] * means[c];
    return w.bias[o] - shift;
  });
}

/** out[(y W + x) cOut + o] = row value - bias[o], from the planar output rows (4 * blocks values per row). */
function interleave(
  rows: Float32Array,
  height: number,
  width: number,
  blocks: number,
  w: { cOut: number; bias: ArrayLike<number> },
): Float32Array {
  const { cOut } = w;
  const out = new Float32Array(height * width * cOut);
  const plane = height * blocks * 4;
  for (let o = 0; o < cOut; o += 1) {
    const bias = w.bias[o];
    for (let y = 0; y < height; y += 1) {
      const src = o * plane + y * blocks * 4;
      let d = y * width * cOut + o;
      for (let x = 0; x < width; x += 1) {
        out[d] = rows[src + x] - bias;
        d += cOut;
      }
    }
  }
  return out;
}

/** The convolution on WebAssembly SIMD, or null where the runtime has none. */
export function convolveSimd(pixels: Float32Array, height: number, width: number, w: ConvWeights): Float32Array | null {
  engine ??= startEngine();
  if (!engine) return null;
  checkConvInput(pixels, height, width, w);
  const e = engine;
  const at = layout(height, width, w);
  const missing = at.end - e.memory.buffer.byteLength;
  if (missing > 0) e.memory.grow(Math.ceil(missing / 65536));
  const buffer = e.memory.buffer;
  const k = w.kernel;
  const ph = height + 2 * at.half;
  if (e.planes?.pixels !== pixels || e.planes.half !== at.half || e.planes.at !== at.planesAt) {
    const means = channelMeans(pixels, w.cIn);
    fillPaddedPlanes(new Float32Array(buffer, at.planesAt), at.stride, { pixels, height, width, channels: w.cIn }, at.half, means);
    e.planes = { pixels, half: at.half, at: at.planesAt, means };
  }
  const bias = centredBias(w, e.planes.means);
  // Tap t = (c, dy, dx): its byte offset from a row's first value in plane 0.
  const taps = new Int32Array(buffer, 0, at.taps);
  for (let c = 0, t = 0; c < w.cIn; c += 1)
    for (let dy = 0; dy < k; dy += 1) for (let dx = 0; dx < k; dx += 1, t += 1) taps[t] = 4 * ((c * ph + dy) * at.stride + dx);
  const weights = new Float32Array(buffer, at.weightsAt, 3 * 4 * at.taps);
  for (let first = 0; first < w.cOut;) {
    const size = w.cOut - first >= 3 ? 3 : 1;
    for (let t = 0; t < at.taps; t += 1) {
      for (let o = 0; o < size; o += 1) weights.fill(w.weights[(first + o) * at.taps + t], 4 * (size * t + o), 4 * (size * t + o) + 4);
    }
    const row = e.rows[size];
    const dst = at.outAt + first * at.planeBytes;
    for (let y = 0; y < height; y += 1)
      row(at.planesAt + 4 * y * at.stride, at.blocks, 0, 4 * at.taps, at.weightsAt, dst + 16 * y * at.blocks, at.planeBytes);
    first += size;
  }
  return interleave(new Float32Array(buffer, at.outAt, w.cOut * at.blocks * 4 * height), height, width, at.blocks, { cOut: w.cOut, bias });
}
