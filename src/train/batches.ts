// Seeded batches from a uint8 dataset split: the same seed gives every variant the same images
// in the same order. Pixels are scaled to [0, 1].
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset, Split } from '../data/dataset';
import { createRng, seedFor, shuffledIndices } from '../nn/random';

export interface Batch {
  x: tf.Tensor4D;
  oneHot: tf.Tensor2D;
}

export function imageShape(d: Dataset): [number, number, number] {
  return [d.height, d.width, d.channels];
}

/** Images at `indices` as a float tensor [n, h, w, c] in [0, 1], plus their labels. */
export function gatherImages(d: Dataset, split: Split, indices: ArrayLike<number>): { x: tf.Tensor4D; labels: Int32Array } {
  const size = d.height * d.width * d.channels;
  const pixels = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i += 1) {
    const at = indices[i] * size;
    for (let j = 0; j < size; j += 1) pixels[i * size + j] = split.images[at + j] / 255;
    labels[i] = split.labels[indices[i]];
  }
  return { x: tf.tensor4d(pixels, [indices.length, d.height, d.width, d.channels]), labels };
}

export class BatchSource {
  readonly stepsPerEpoch: number;
  private epoch = -1;
  private order: Int32Array = new Int32Array(0);

  constructor(
    private readonly dataset: Dataset,
    private readonly batchSize: number,
    private readonly seed: number,
  ) {
    this.stepsPerEpoch = Math.floor(dataset.train.count / batchSize);
    if (this.stepsPerEpoch < 1) throw new Error(`batch size ${batchSize} is larger than the ${dataset.train.count} training images`);
  }

  /** Batch number `step` (0-based, over all epochs); each epoch has its own seeded shuffle; the last partial batch is dropped. */
  batch(step: number): Batch {
    const epoch = Math.floor(step / this.stepsPerEpoch);
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.order = shuffledIndices(this.dataset.train.count, createRng(seedFor(this.seed, `epoch${epoch}`)));
    }
    const start = (step % this.stepsPerEpoch) * this.batchSize;
    const { x, labels } = gatherImages(this.dataset, this.dataset.train, this.order.subarray(start, start + this.batchSize));
    const oneHot = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), this.dataset.classes.length), 'float32') as tf.Tensor2D);
    return { x, oneHot };
  }

  /** A fixed seeded sample of training images (input-layer statistics). */
  sample(count: number): tf.Tensor4D {
    const order = shuffledIndices(this.dataset.train.count, createRng(seedFor(this.seed, 'statistics')));
    return gatherImages(this.dataset, this.dataset.train, order.subarray(0, Math.min(count, order.length))).x;
  }
}

/** A fixed subset of the test split (same for every run and seed, whatever the split's order). */
export function testIndices(d: Dataset, count: number): Int32Array {
  return shuffledIndices(d.test.count, createRng(seedFor(0, 'test subset'))).subarray(0, Math.min(count, d.test.count));
}

/** `count` fixed test images in batches of `chunk`, kept for repeated evaluation. */
export function testBatches(d: Dataset, count: number, chunk = 250): { x: tf.Tensor4D; labels: tf.Tensor1D }[] {
  const chosen = testIndices(d, count);
  const out: { x: tf.Tensor4D; labels: tf.Tensor1D }[] = [];
  for (let start = 0; start < chosen.length; start += chunk) {
    const { x, labels } = gatherImages(d, d.test, chosen.subarray(start, start + chunk));
    out.push({ x, labels: tf.tensor1d(labels, 'int32') });
  }
  return out;
}
