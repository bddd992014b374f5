/** Seeded shuffles and stratified splits, so every build and hold-out is reproducible. */
import { mulberry32 } from '../core/mulberry32';

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  return mulberry32(seed);
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * How many of each class go to the held-out side so that the total is exactly `heldOut` and
 * each class keeps its share (largest-remainder rounding of heldOut * classCount / total).
 */
export function stratifiedQuotas(classCounts: number[], heldOut: number): number[] {
  const total = classCounts.reduce((a, b) => a + b, 0);
  if (heldOut < 0 || heldOut > total) throw new Error(`cannot hold out ${heldOut} of ${total} items`);
  const exact = classCounts.map((n) => (total === 0 ? 0 : (heldOut * n) / total));
  const quotas = exact.map(Math.floor);
  let missing = heldOut - quotas.reduce((a, b) => a + b, 0);
  const order = exact.map((e, k) => ({ k, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.k - b.k);
  for (const { k } of order) {
    if (missing === 0) break;
    quotas[k]++;
    missing--;
  }
  return quotas;
}

/**
 * Splits item indices into a kept and a held-out part, stratified by label, both shuffled.
 * `labels[i]` is the class of item i; classes are 0..classCount-1.
 */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  classCount: number,
  heldOut: number,
  seed: number,
): { kept: number[]; heldOut: number[] } {
  const random = seededRandom(seed);
  const byClass: number[][] = Array.from({ length: classCount }, () => []);
  for (let i = 0; i < labels.length; i++) byClass[labels[i]].push(i);
  const quotas = stratifiedQuotas(
    byClass.map((c) => c.length),
    heldOut,
  );
  const kept: number[] = [];
  const held: number[] = [];
  byClass.forEach((members, k) => {
    shuffleInPlace(members, random);
    held.push(...members.slice(0, quotas[k]));
    kept.push(...members.slice(quotas[k]));
  });
  return { kept: shuffleInPlace(kept, random), heldOut: shuffleInPlace(held, random) };
}

/** Copies the chosen images (each `imageSize` bytes) and labels, in the given order. */
export function gatherImages(
  images: Uint8Array,
  labels: Uint8Array,
  indices: readonly number[],
  imageSize: number,
): { images: Uint8Array; labels: Uint8Array; count: number } {
  const outImages = new Uint8Array(indices.length * imageSize);
  const outLabels = new Uint8Array(indices.length);
  indices.forEach((src, dst) => {
    outImages.set(images.subarray(src * imageSize, (src + 1) * imageSize), dst * imageSize);
    outLabels[dst] = labels[src];
  });
  return { images: outImages, labels: outLabels, count: indices.length };
}
