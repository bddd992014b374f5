// The words the rooms above nn (train, state, ui, cli, bench) use to talk about models: which
// normalisation a variant uses, the deconvolution settings, what a model reports for the figures.
// nn owns them so that nn never has to look upward for its own types; train/protocol.ts re-exports.
// Model names come from the model catalogue (./models/catalog.ts), where each model is declared once.
import type { IsqrtGradient } from '../core/ops';

export type { ImplementationName } from '../core/kernelNames';
export type { IsqrtGradient } from '../core/ops';
export type { Histogram } from '../core/sparsity';
export type { ModelName } from './models/catalog';

/** The normalisation of one variant: network deconvolution, batch norm, or none. */
export type NormKind = 'deconv' | 'batchnorm' | 'none';

/** Every variant, in display order. */
export const NORM_KINDS = ['deconv', 'batchnorm', 'none'] as const satisfies readonly NormKind[];

/** How messages name each variant ("batch norm diverged at step 12: …"). */
export const NORM_LABEL: Record<NormKind, string> = {
  deconv: 'deconvolution',
  batchnorm: 'batch norm',
  none: 'no normalisation',
};

/** 'pooled': one D shared by all channel blocks of a layer (the reference). 'per-block': a D per block. */
export type BlockMode = 'pooled' | 'per-block';

export interface DeconvSettings {
  /** Channel block size B (docs/algorithm.md §2); clamped to C, or gcd(B, C) when C % B != 0. */
  block: number;
  /** Newton–Schulz iterations K for hidden layers (default 5). */
  iters: number;
  /** Iterations for the input layer (default 15). */
  inputIters: number;
  eps: number;
  samplingStride: number;
  /** Steps after which statistics freeze to the running values (0 = never). */
  freezeIters: number;
  blockMode: BlockMode;
  /** Gradient of D off WebGPU: 'unrolled' (reverse mode through the K steps, the default) or 'lyapunov' (closed form). */
  isqrtGradient?: IsqrtGradient;
}

export interface KernelImages {
  /** [count, k, k, cin] row-major; count filters of k x k taps over cin channels. */
  shape: [number, number, number, number];
  /** Learned filters W (every variant). */
  weights: number[];
  /** Deconvolution kernels from running D (deconv only): row of D at each channel's centre tap. */
  deconv?: number[];
  /** Deconvolution kernels shape [cin, k, k, cin] when present. */
  deconvShape?: [number, number, number, number];
  /** Effective filters W·D (deconv only), same shape as `weights`. */
  effective?: number[];
}
