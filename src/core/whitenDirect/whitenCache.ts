// What the direct engine may reuse between two whitenings of the same pixels: the image-only work
// (luminance, input statistics, "before" histogram), and per kernel size and sampling stride the
// patch statistics with their eigendecomposition (eps and K do not change either). Keyed by the
// pixel array itself, so an image nobody holds any more is forgotten with it; callers must not
// write into an array they have whitened.
import type { ImageInput } from '../whitenInput';
import type { PatchMoments } from './patchMoments';
import { prepareInput, type PreparedInput } from './prepareInput';
import type { CovarianceSpectrum } from './spectralIsqrt';

/** Everything that depends on the (grey or colour) image, k and the sampling stride, but not on eps or K. */
export interface PatchSpectrum {
  moments: PatchMoments;
  spectrum: CovarianceSpectrum;
}

export interface WhitenCache {
  /** True once this pixel array has been prepared, so validated: its pixels need no second scan. */
  checked(source: ImageInput): boolean;
  /** The prepared input of an already validated image. */
  prepare(source: ImageInput, grey: boolean): PreparedInput;
  statistics(image: ImageInput, kernel: number, stride: number): PatchSpectrum | undefined;
  keepStatistics(image: ImageInput, kernel: number, stride: number, value: PatchSpectrum): void;
}

/** No reuse: every whitening starts from the pixels. */
export const NO_CACHE: WhitenCache = {
  checked: () => false,
  prepare: prepareInput,
  statistics: () => undefined,
  keepStatistics: () => {},
};

/** A cache that keeps, per pixel array, both prepared inputs and the `statisticsPerImage` most recent statistics. */
export function createWhitenCache(statisticsPerImage = 4): WhitenCache {
  const prepared = new WeakMap<Float32Array, Partial<Record<'grey' | 'colour', PreparedInput>>>();
  // Insertion order is recency order: a hit is moved to the end, the oldest entry is dropped first.
  const statistics = new WeakMap<Float32Array, Map<string, PatchSpectrum>>();
  const key = (kernel: number, stride: number): string => `${kernel}|${stride}`;
  return {
    checked: (source) => prepared.has(source.data),
    prepare(source, grey) {
      const entry = prepared.get(source.data) ?? {};
      const which = grey ? 'grey' : 'colour';
      const made = entry[which] ?? prepareInput(source, grey);
      prepared.set(source.data, { ...entry, [which]: made });
      return made;
    },
    statistics(image, kernel, stride) {
      const entries = statistics.get(image.data);
      const hit = entries?.get(key(kernel, stride));
      if (entries && hit) {
        entries.delete(key(kernel, stride));
        entries.set(key(kernel, stride), hit);
      }
      return hit;
    },
    keepStatistics(image, kernel, stride, value) {
      const entries = statistics.get(image.data) ?? new Map<string, PatchSpectrum>();
      entries.delete(key(kernel, stride));
      entries.set(key(kernel, stride), value);
      while (entries.size > statisticsPerImage) entries.delete(entries.keys().next().value as string);
      statistics.set(image.data, entries);
    },
  };
}
