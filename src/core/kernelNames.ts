// Names of the fused ops, owned by core: src/core/ops.ts looks them up with tf.getKernel to decide
// whether the fused version runs on the active backend, and src/gpu registers its WGSL kernels
// under these names. Only constants live here (no GPU code).
export const BATCHED_ISQRT = 'DeconvBatchedIsqrt';
export const BATCHED_ISQRT_GRAD = 'DeconvBatchedIsqrtGrad';
export const PATCH_MEAN = 'DeconvPatchMean';
export const PATCH_COVARIANCE = 'DeconvPatchCovariance';
export const PATCH_STATS_GRAD = 'DeconvPatchStatsGrad';

/** Which implementation of the deconvolution primitives runs: the registered WGSL kernels or composed tf ops. */
export type ImplementationName = 'fused-wgsl' | 'composed';
