// The datasets of a reproduction: the shipped MNIST / Fashion-MNIST files, and CIFAR-10 from the path
// given with --cifar, read as the CLI's `train --dataset cifar10:<path>` reads it (with its messages).
import type { Dataset } from '../../src/data/dataset';
import { readCifarPath, readDatasetFile } from '../../src/data/loadNode';
import type { ReproDataset } from './types';

export async function loadReproDataset(name: ReproDataset, cifarPath: string | undefined): Promise<Dataset> {
  if (name !== 'cifar10') return readDatasetFile(name);
  if (!cifarPath) throw new Error('dataset "cifar10" needs its path: --cifar <path>');
  return readCifarPath(cifarPath);
}
