// Seeded pseudo-random numbers made in plain JS, so initial weights and batch orders are
// identical on every backend and in every variant (tf.random* depends on the backend).
import { mulberry32 } from '../core/mulberry32';

/** A seeded generator of floats in [0, 1) (mulberry32). */
export function createRng(seed: number): () => number {
  return mulberry32(seed);
}

/** Mixes a run seed with a name (FNV-1a), so each layer's weights depend only on (seed, name). */
export function seedFor(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Uniform(-limit, limit) values. */
export function uniformArray(count: number, limit: number, rng: () => number): Float32Array {
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 1) out[i] = (rng() * 2 - 1) * limit;
  return out;
}

/** Fisher–Yates shuffle of 0..count-1. */
export function shuffledIndices(count: number, rng: () => number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  for (let i = count - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}
