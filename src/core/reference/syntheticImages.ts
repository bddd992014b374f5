// Seeded synthetic test images (HWC, values in [0, 1]) with known correlation structure.
import { seededRng } from './random';

export interface SyntheticImage {
  data: Float32Array;
  height: number;
  width: number;
  channels: 1 | 3;
}

function normalise(data: Float32Array): Float32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return data.map((v) => (hi > lo ? (v - lo) / (hi - lo) : 0.5));
}

/** Mix a 1-channel field into 3 correlated channels: shared field plus a little own noise per channel. */
function toChannels(base: Float32Array[], channels: 1 | 3): Float32Array {
  const pixels = base[0].length;
  const out = new Float32Array(pixels * channels);
  for (let p = 0; p < pixels; p += 1) {
    for (let c = 0; c < channels; c += 1) out[p * channels + c] = channels === 1 ? base[0][p] : 0.7 * base[0][p] + 0.3 * base[c + 1][p];
  }
  return normalise(out);
}

/** Uniform noise smoothed by a (2r+1)^2 box blur (wrapping at the borders): strongly correlated neighbours. */
export function blurredNoise(height: number, width: number, channels: 1 | 3, seed: number, radius = 1): SyntheticImage {
  const rng = seededRng(seed);
  const field = (): Float32Array => {
    const noise = Float32Array.from({ length: height * width }, () => rng.uniform());
    const out = new Float32Array(height * width);
    for (let y = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1) {
        let sum = 0;
        for (let dy = -radius; dy <= radius; dy += 1) {
          for (let dx = -radius; dx <= radius; dx += 1) sum += noise[((y + dy + height) % height) * width + ((x + dx + width) % width)];
        }
        out[y * width + x] = sum;
      }
    }
    return out;
  };
  const base = Array.from({ length: channels === 1 ? 1 : 4 }, field);
  return { data: toChannels(base, channels), height, width, channels };
}

/** Octave value noise with amplitude proportional to scale: roughly a 1/f ("pink", natural-like) spectrum. */
export function pinkNoise(height: number, width: number, channels: 1 | 3, seed: number): SyntheticImage {
  const rng = seededRng(seed);
  const field = (): Float32Array => {
    const out = new Float32Array(height * width);
    for (let cell = 1; cell <= Math.max(height, width); cell *= 2) {
      const gh = Math.ceil(height / cell) + 2;
      const gw = Math.ceil(width / cell) + 2;
      const grid = Float32Array.from({ length: gh * gw }, () => rng.normal() * cell);
      for (let y = 0; y < height; y += 1) {
        const fy = y / cell;
        const y0 = Math.floor(fy);
        const ty = fy - y0;
        for (let x = 0; x < width; x += 1) {
          const fx = x / cell;
          const x0 = Math.floor(fx);
          const tx = fx - x0;
          const top = grid[y0 * gw + x0] * (1 - tx) + grid[y0 * gw + x0 + 1] * tx;
          const bottom = grid[(y0 + 1) * gw + x0] * (1 - tx) + grid[(y0 + 1) * gw + x0 + 1] * tx;
          out[y * width + x] += top * (1 - ty) + bottom * ty;
        }
      }
    }
    return out;
  };
  const base = Array.from({ length: channels === 1 ? 1 : 4 }, field);
  return { data: toChannels(base, channels), height, width, channels };
}

/** Random flat rectangles on a background, lightly noisy: piecewise constant with sharp edges (sparse when whitened). */
export function cartoon(height: number, width: number, channels: 1 | 3, seed: number, shapes = 40): SyntheticImage {
  const rng = seededRng(seed);
  const field = (): Float32Array => {
    const out = new Float32Array(height * width).fill(rng.uniform());
    for (let s = 0; s < shapes; s += 1) {
      const y0 = Math.floor(rng.uniform() * height);
      const x0 = Math.floor(rng.uniform() * width);
      const h = 2 + Math.floor(rng.uniform() * height * 0.4);
      const w = 2 + Math.floor(rng.uniform() * width * 0.4);
      const level = rng.uniform();
      for (let y = y0; y < Math.min(height, y0 + h); y += 1)
        for (let x = x0; x < Math.min(width, x0 + w); x += 1) out[y * width + x] = level;
    }
    return out.map((v) => v + 0.01 * rng.normal());
  };
  const base = Array.from({ length: channels === 1 ? 1 : 4 }, field);
  return { data: toChannels(base, channels), height, width, channels };
}
