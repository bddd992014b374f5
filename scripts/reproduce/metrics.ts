// Summary numbers of the reproduction: mean ± sample std, smoothed loss, steps to a target loss,
// and the learning rate picked on validation accuracy. Pure functions.

/** Mean and sample standard deviation (n - 1; 0 for a single value); NaN mean for no values. */
export function meanStd(values: readonly number[]): { mean: number; std: number; n: number } {
  const n = values.length;
  if (n === 0) return { mean: NaN, std: NaN, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), n };
}

/** Bias-corrected exponential moving average (Adam-style): early values are not pulled towards 0. */
export function smoothed(values: readonly (number | null)[], alpha: number): (number | null)[] {
  if (!(alpha > 0 && alpha <= 1)) throw new Error(`smoothing factor must be in (0, 1], got ${alpha}`);
  let ema = 0;
  let weight = 0;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    ema = (1 - alpha) * ema + alpha * v;
    weight = (1 - alpha) * weight + alpha;
    return ema / weight;
  });
}

/** 1-based step at which the smoothed loss first is at or below `target`; null when never (or after a NaN). */
export function stepsToLoss(losses: readonly (number | null)[], target: number, alpha: number): number | null {
  const s = smoothed(losses, alpha);
  for (let i = 0; i < s.length; i += 1) {
    const v = s[i];
    if (v === null) return null;
    if (v <= target) return i + 1;
  }
  return null;
}

/** Smoothed loss at the last step (null when the run diverged). */
export function finalLoss(losses: readonly (number | null)[], alpha: number): number | null {
  const s = smoothed(losses, alpha);
  return s.length > 0 ? s[s.length - 1] : null;
}

export interface LrScore {
  lr: number;
  /** One validation accuracy per seed (NaN or missing for a diverged run counts as 0). */
  scores: readonly number[];
}

/**
 * The learning rate with the highest mean validation score; ties go to the smaller lr. Diverged
 * runs (NaN) score 0, so an unstable lr is not picked for a lucky seed.
 */
export function pickBestLr(grid: readonly LrScore[]): number | undefined {
  let best: { lr: number; mean: number } | undefined;
  for (const g of [...grid].sort((a, b) => a.lr - b.lr)) {
    if (g.scores.length === 0) continue;
    const mean = g.scores.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0) / g.scores.length;
    if (!best || mean > best.mean) best = { lr: g.lr, mean };
  }
  return best?.lr;
}
