import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { applyKernels, kernelsToFilter } from './whitenApply';

// Independent float64 reference: out[y][x][o] = sum_{dy,dx,c} K[o][c][dy][dx] * (img[reflect(y+dy-h)][reflect(x+dx-h)][c] - mean[(dy,dx,c)]).
function reference(
  img: Float64Array,
  h: number,
  w: number,
  cIn: number,
  kernels: Float32Array,
  cOut: number,
  k: number,
  mean: Float32Array,
): Float64Array {
  const half = (k - 1) / 2;
  const reflect = (i: number, n: number) => (i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i);
  const out = new Float64Array(h * w * cOut);
  for (let y = 0; y < h; y += 1)
    for (let x = 0; x < w; x += 1)
      for (let o = 0; o < cOut; o += 1) {
        let s = 0;
        for (let dy = 0; dy < k; dy += 1)
          for (let dx = 0; dx < k; dx += 1)
            for (let c = 0; c < cIn; c += 1) {
              const v = img[(reflect(y + dy - half, h) * w + reflect(x + dx - half, w)) * cIn + c];
              s += kernels[((o * cIn + c) * k + dy) * k + dx] * (v - mean[(dy * k + dx) * cIn + c]);
            }
        out[(y * w + x) * cOut + o] = s;
      }
  return out;
}

describe('applyKernels', () => {
  it('matches a float64 loop with reflect padding and patch-mean centring (3 channels, k = 3)', async () => {
    const [h, w, c, k] = [7, 6, 3, 3];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const img = Float64Array.from({ length: h * w * c }, rand);
    const kernels = Float32Array.from({ length: c * c * k * k }, () => rand() - 0.5);
    const mean = Float32Array.from({ length: k * k * c }, rand);
    const got = await applyKernels(Float32Array.from(img), h, w, { shape: [c, c, k, k], data: kernels, mean });
    const want = reference(img, h, w, c, kernels, c, k, mean);
    const maxErr = want.reduce((m, v, i) => Math.max(m, Math.abs(v - got[i])), 0);
    expect(maxErr).toBeLessThan(1e-5);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('accepts a per-channel mean', () => {
    const { bias } = kernelsToFilter({ shape: [1, 1, 1, 1], data: new Float32Array([2]), mean: new Float32Array([0.25]) });
    expect(bias[0]).toBeCloseTo(0.5, 6);
  });
});
