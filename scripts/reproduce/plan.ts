// The list of runs a `npm run reproduce` invocation asks for, in the order they run: seeds outermost
// (an interrupted sweep has whole lr grids for its first seeds), then epochs, models, datasets, lrs.
// vgg-mini and resnet-mini pair with cifar10 only, the other models with MNIST / Fashion-MNIST only.
// Ablations run their own model (the mlp, or simple-cnn for cnn-*) on the datasets asked for.
import type { ReproOptions } from './args';
import { isCnnAblation } from './cnnAblations';
import { fitsDataset, type RunSpec } from './types';

export function plannedRuns(o: Pick<ReproOptions, 'models' | 'datasets' | 'lrs' | 'seeds' | 'epochs' | 'ablations'>): RunSpec[] {
  const specs: RunSpec[] = [];
  for (const seed of o.seeds) {
    for (const epochs of o.epochs) {
      if (o.ablations.length > 0) {
        for (const ablation of o.ablations) {
          const model = isCnnAblation(ablation) ? 'simple-cnn' : 'mlp';
          for (const dataset of o.datasets.filter((d) => fitsDataset(model, d)))
            for (const lr of o.lrs) specs.push({ model, dataset, ablation, lr, seed, epochs });
        }
        continue;
      }
      for (const model of o.models)
        for (const dataset of o.datasets.filter((d) => fitsDataset(model, d)))
          for (const lr of o.lrs) specs.push({ model, dataset, ablation: 'main', lr, seed, epochs });
    }
  }
  return specs;
}
