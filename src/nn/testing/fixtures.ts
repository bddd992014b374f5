// Small random inputs shared by the layer tests.
import { createRng } from '../random';
import type { DeconvLayerSettings } from '../whitening';

export function randomValues(count: number, seed: number, scale = 1): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: count }, () => (rng() * 2 - 1) * scale);
}

/** Correlated "image": neighbouring pixels and channels share a smooth component, like real images. */
export function correlatedImage(shape: [number, number, number, number], seed: number): Float64Array {
  const [n, h, w, c] = shape;
  const noise = randomValues(n * h * w * c, seed);
  const out = new Float64Array(noise.length);
  const at = (b: number, y: number, x: number, ch: number) => noise[((b * h + Math.min(y, h - 1)) * w + Math.min(x, w - 1)) * c + ch];
  for (let b = 0; b < n; b += 1)
    for (let y = 0; y < h; y += 1)
      for (let x = 0; x < w; x += 1)
        for (let ch = 0; ch < c; ch += 1) {
          const smooth = (at(b, y, x, 0) + at(b, y + 1, x, 0) + at(b, y, x + 1, 0)) / 3;
          out[((b * h + y) * w + x) * c + ch] = 0.5 + 0.6 * smooth + 0.4 * at(b, y, x, ch);
        }
  return out;
}

export function settings(overrides: Partial<DeconvLayerSettings> = {}): DeconvLayerSettings {
  return { block: 64, iters: 5, eps: 1e-5, samplingStride: 1, freezeIters: 0, blockMode: 'pooled', momentum: 0.1, ...overrides };
}

export function maxAbs(values: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < values.length; i += 1) m = Math.max(m, Math.abs(values[i]));
  return m;
}

export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i += 1) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
