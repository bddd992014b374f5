/** In-memory datasets shared by the trainer, the CLI and the loaders. */

/** One split: `count` images, NHWC uint8 pixels (0-255), one uint8 class label per image. */
export interface Split {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export type DatasetName = 'mnist' | 'fashion-mnist' | 'cifar10';

export interface Dataset {
  name: DatasetName;
  height: number;
  width: number;
  channels: 1 | 3;
  classes: string[];
  train: Split;
  test: Split;
  /** Anything the user should know about how the splits were made (e.g. a held-out test set). */
  note?: string;
}
