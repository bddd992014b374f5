// Constants of the whitening view's readouts, shared by the tfjs engine (whiten.ts) and the direct one (whitenDirect/).

/** Bins of the before/after histograms. */
export const HISTOGRAM_BINS = 64;
/** The display range of a whitened image is this quantile of |whitened|. */
export const DISPLAY_QUANTILE = 0.995;
