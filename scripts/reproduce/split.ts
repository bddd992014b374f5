// A validation split carved from the training set (never the test set): a fixed seeded set of
// training images becomes the "test" split the learning rate is picked on; the rest is trained on.
import type { Dataset, Split } from '../../src/data/dataset';
import { createRng, seedFor, shuffledIndices } from '../../src/nn/random';

export interface CarvedSplit {
  /** Training images minus the validation images; its `test` split IS the validation set. */
  fit: Dataset;
  /** Indices (into the original training split) of the validation images, in their order in `fit.test`. */
  validationIndices: Int32Array;
}

function pick(split: Split, indices: ArrayLike<number>, size: number): Split {
  const images = new Uint8Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i += 1) {
    images.set(split.images.subarray(indices[i] * size, (indices[i] + 1) * size), i * size);
    labels[i] = split.labels[indices[i]];
  }
  return { images, labels, count: indices.length };
}

/** The same `count` validation images for every run, model and seed of a dataset (seed 0, fixed name). */
export function carveValidation(d: Dataset, count: number): CarvedSplit {
  if (!Number.isInteger(count) || count < 1 || count >= d.train.count) {
    throw new Error(`validation size must be a whole number from 1 to ${d.train.count - 1}, got ${count}`);
  }
  const size = d.height * d.width * d.channels;
  const order = shuffledIndices(d.train.count, createRng(seedFor(0, 'validation split')));
  const validationIndices = order.slice(0, count);
  const rest = order.slice(count).sort();
  return {
    fit: {
      ...d,
      train: pick(d.train, rest, size),
      test: pick(d.train, validationIndices, size),
      note: `${count} training images held out for validation`,
    },
    validationIndices,
  };
}
