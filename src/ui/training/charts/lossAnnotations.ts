// The moments of a race worth pointing at, found in the (smoothed) loss histories themselves:
// a spike of one variant while the other falls, the first to reach a loss, and a change of leader.
import type { NormKind } from '../../../train/protocol';
import { VARIANT_NAME, VARIANT_SHORT } from '../variantStyle';

export interface LossSeries {
  norm: NormKind;
  steps: readonly number[];
  /** Smoothed training loss per step (non-finite values are gaps). */
  losses: readonly number[];
}

export type AnnotationKind = 'spike' | 'first-to-threshold' | 'cross';

export interface LossAnnotation {
  kind: AnnotationKind;
  /** The variant the label points at. */
  norm: NormKind;
  step: number;
  /** Where on the loss axis the label points. */
  loss: number;
  text: string;
  /** The same, shorter, for a narrow chart. */
  shortText: string;
}

export interface AnnotationOptions {
  /** A rise of the smoothed loss between two points larger than this fraction is a spike. */
  spikeRise: number;
  /** The loss whose first crossing is reported. */
  threshold: number;
  /** A new leader must stay ahead this many points for a crossing to count. */
  crossHold: number;
  /** Crossings in the first points are start-up noise. */
  crossSkip: number;
}

export const DEFAULT_ANNOTATION_OPTIONS: AnnotationOptions = { spikeRise: 0.1, threshold: 0.5, crossHold: 10, crossSkip: 5 };

interface Aligned {
  steps: number[];
  a: number[];
  b: number[];
}

/** The two variants to compare: deconvolution and batch norm when both run, else the first two. */
function racePair(series: readonly LossSeries[]): [LossSeries, LossSeries] | null {
  const deconv = series.find((s) => s.norm === 'deconv');
  const batchnorm = series.find((s) => s.norm === 'batchnorm');
  if (deconv && batchnorm) return [deconv, batchnorm];
  return series.length >= 2 ? [series[0], series[1]] : null;
}

/** Points at steps both series have, where both losses are finite. */
function align(a: LossSeries, b: LossSeries): Aligned {
  const bAt = new Map<number, number>();
  b.steps.forEach((step, i) => bAt.set(step, b.losses[i]));
  const out: Aligned = { steps: [], a: [], b: [] };
  a.steps.forEach((step, i) => {
    const la = a.losses[i];
    const lb = bAt.get(step);
    if (lb !== undefined && Number.isFinite(la) && Number.isFinite(lb)) {
      out.steps.push(step);
      out.a.push(la);
      out.b.push(lb);
    }
  });
  return out;
}

const name = (norm: NormKind) => VARIANT_NAME[norm];
const short = (norm: NormKind) => VARIANT_SHORT[norm];

/** The largest rise of one variant (> spikeRise) between two neighbouring points while the other falls. */
function findSpike(pair: [LossSeries, LossSeries], points: Aligned, spikeRise: number): LossAnnotation | null {
  let best: LossAnnotation | null = null;
  let bestRise = spikeRise;
  for (let i = 1; i < points.steps.length; i += 1) {
    const sides: [NormKind, NormKind, number[], number[]][] = [
      [pair[0].norm, pair[1].norm, points.a, points.b],
      [pair[1].norm, pair[0].norm, points.b, points.a],
    ];
    for (const [riser, faller, up, down] of sides) {
      if (up[i - 1] <= 0) continue;
      const rise = (up[i] - up[i - 1]) / up[i - 1];
      if (rise > bestRise && down[i] < down[i - 1]) {
        bestRise = rise;
        best = {
          kind: 'spike',
          norm: riser,
          step: points.steps[i],
          loss: up[i],
          text: `${name(riser)}'s loss spikes (+${Math.round(rise * 100)} %) while ${name(faller)}'s falls`,
          shortText: `${short(riser)} spikes +${Math.round(rise * 100)} %, ${short(faller)} falls`,
        };
      }
    }
  }
  return best;
}

function firstAtOrBelow(series: LossSeries, threshold: number): number | null {
  for (let i = 0; i < series.steps.length; i += 1) {
    if (Number.isFinite(series.losses[i]) && series.losses[i] <= threshold) return series.steps[i];
  }
  return null;
}

/** Who reaches the threshold first, once that is settled (the other has reached it or run past). */
function findFirstToThreshold(pair: [LossSeries, LossSeries], threshold: number): LossAnnotation | null {
  const [a, b] = pair;
  const stepA = firstAtOrBelow(a, threshold);
  const stepB = firstAtOrBelow(b, threshold);
  const lastB = b.steps[b.steps.length - 1] ?? -Infinity;
  const lastA = a.steps[a.steps.length - 1] ?? -Infinity;
  const label = (winner: LossSeries, step: number, other: LossSeries, otherStep: number | null): LossAnnotation => ({
    kind: 'first-to-threshold',
    norm: winner.norm,
    step,
    loss: threshold,
    text: `${name(winner.norm)} reaches loss ${threshold} first (step ${step}${otherStep === null ? `; ${name(other.norm)} not yet` : ` vs ${otherStep}`})`,
    shortText: `${short(winner.norm)} first to ${threshold} (${step}${otherStep === null ? '' : ` vs ${otherStep}`})`,
  });
  if (stepA !== null && (stepB === null ? lastB > stepA : stepA < stepB)) return label(a, stepA, b, stepB);
  if (stepB !== null && (stepA === null ? lastA > stepB : stepB < stepA)) return label(b, stepB, a, stepA);
  return null;
}

/** The latest change of leader (lower loss) that then held for `hold` points. */
function findCross(pair: [LossSeries, LossSeries], points: Aligned, hold: number, skip: number): LossAnnotation | null {
  const leader = (i: number) => (points.a[i] < points.b[i] ? 0 : points.b[i] < points.a[i] ? 1 : -1);
  let found: LossAnnotation | null = null;
  let current = -1;
  for (let i = skip; i < points.steps.length; i += 1) {
    const now = leader(i);
    if (now === -1 || now === current) continue;
    let held = true;
    for (let j = i; j < i + hold; j += 1) {
      if (j >= points.steps.length || leader(j) !== now) held = false;
    }
    if (!held) continue;
    if (current !== -1) {
      const ahead = pair[now];
      found = {
        kind: 'cross',
        norm: ahead.norm,
        step: points.steps[i],
        loss: now === 0 ? points.a[i] : points.b[i],
        text: `curves cross: ${name(ahead.norm)} leads from step ${points.steps[i]}`,
        shortText: `cross: ${short(ahead.norm)} leads`,
      };
    }
    current = now;
  }
  return found;
}

/**
 * At most three annotations (a spike, the first to reach the threshold, the latest change of leader)
 * for the race of two variants; none for fewer than two variants or without enough points.
 */
export function lossAnnotations(series: readonly LossSeries[], options: Partial<AnnotationOptions> = {}): LossAnnotation[] {
  const { spikeRise, threshold, crossHold, crossSkip } = { ...DEFAULT_ANNOTATION_OPTIONS, ...options };
  const pair = racePair(series);
  if (!pair) return [];
  const points = align(pair[0], pair[1]);
  const found = [findSpike(pair, points, spikeRise), findFirstToThreshold(pair, threshold), findCross(pair, points, crossHold, crossSkip)];
  return found.filter((a): a is LossAnnotation => a !== null);
}
