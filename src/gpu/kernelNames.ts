// Names of the fused ops. src/core/ops.ts looks these up with tf.getKernel to decide whether the
// fused version runs on the active backend; this file holds only constants (no GPU code).
export const BATCHED_ISQRT = 'DeconvBatchedIsqrt';
export const BATCHED_ISQRT_GRAD = 'DeconvBatchedIsqrtGrad';
export const PATCH_MEAN = 'DeconvPatchMean';
export const PATCH_COVARIANCE = 'DeconvPatchCovariance';
export const PATCH_STATS_GRAD = 'DeconvPatchStatsGrad';
