// The sentences the trainer's start-up shows for each phase (protocol.ts StartupPhase). Numbers
// (percent, "12/40") are not in them: the status bar draws those from the status event.
import { backendDisplayName, type BackendName } from '../platform/backendName';
import type { DatasetName, NormKind } from './protocol';

const DATASET_NAMES: Record<DatasetName, string> = { mnist: 'MNIST', 'fashion-mnist': 'Fashion-MNIST', cifar10: 'CIFAR-10' };
const NORM_NAMES: Record<NormKind, string> = { deconv: 'deconvolution', batchnorm: 'batch norm', none: 'plain' };

export function datasetDisplayName(name: DatasetName): string {
  return DATASET_NAMES[name];
}

/** Before a backend runs: the forced one, or the automatic choice (which may calibrate first). */
export function backendStartText(forced: BackendName | undefined): string {
  return forced ? `starting the ${backendDisplayName(forced)} backend` : 'choosing the fastest backend for this device';
}

export function dataText(dataset: DatasetName): string {
  return `loading ${datasetDisplayName(dataset)}`;
}

export function buildText(norms: readonly NormKind[]): string {
  return `building the models (${norms.map((n) => NORM_NAMES[n]).join(', ')})`;
}

/** WebGPU's pipelines, compiled ahead of the first step (the status bar adds "12/40"). */
export function compileText(): string {
  return 'compiling kernels';
}

/** The first real step; on WebGL it still compiles its shaders as it goes. */
export function warmupText(backend: BackendName, compiledAhead: boolean): string {
  const what = backend === 'webgl' && !compiledAhead ? 'compiling kernels in the first step' : 'the first step';
  return `warming up on ${backendDisplayName(backend)}: ${what}`;
}
