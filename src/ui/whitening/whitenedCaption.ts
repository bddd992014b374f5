// The whitened figure's caption, true at every K: the display is rescaled to the output's own range
// (DISPLAY_QUANTILE), so few iterations show a full-contrast image, not a faint one.

/** K below this whitens only partly: small-eigenvalue directions are still damped (docs/algorithm.md). */
const FULLY_WHITENED_FROM = 10;

export function whitenedCaption(iters: number): string {
  if (iters <= 1) {
    return 'At K = 1 the output is a centred, rescaled copy of the photo (full contrast, slightly sharpened): drag K up and smooth areas fade while edges stay.';
  }
  if (iters < FULLY_WHITENED_FROM) {
    return `At K = ${iters} whitening is partial: smooth areas fade, edges stay; more iterations whiten further.`;
  }
  return 'Smooth areas vanish, edges stay: neighbours no longer correlate.';
}
