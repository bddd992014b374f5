// Whitening a 512x512 image through the whitening view's engine (core/whiten.ts `whitenImage`,
// which the whitening worker calls): statistics, Newton–Schulz, the whitened image read back and
// the readouts. One row per kernel size and backend; the ratio compares with the first backend measured.
import { whitenImage, type WhitenOptions } from '../core/whiten';
import type { CaseContext } from './context';
import { timeAsync } from './asyncTiming';
import { comparisonRow, ms, valueRow } from './rows';
import { syntheticPhoto } from './syntheticImage';
import type { BenchBackend, BenchRow } from './types';

export const WHITEN_GROUP = 'whiten_512';
export const WHITEN_SIDE = 512;
export const WHITEN_KERNELS: readonly number[] = [3, 5, 7];
/** The whitening view's defaults (platform/whitenProtocol.ts) with K = 15 and grey. */
const BASE: Omit<WhitenOptions, 'kernel'> = { eps: 1e-5, iters: 15, samplingStride: 3, grey: true };
const IMAGE_NOTE = 'seeded synthetic 512x512 photo-like image (blurred noise + rectangles), grey, sampling stride 3, eps 1e-5';

/** Medians of the first backend measured in this suite run, per kernel size: the ratio's denominator. */
export type WhitenReference = Map<number, { backend: BenchBackend; ms: number }>;

export async function* whitenCases(ctx: CaseContext, reference: WhitenReference): AsyncGenerator<BenchRow, void, undefined> {
  const image = syntheticPhoto(WHITEN_SIDE, 3);
  for (const kernel of WHITEN_KERNELS) {
    const label = `${WHITEN_SIDE}x${WHITEN_SIDE} k=${kernel} K=${BASE.iters} grey`;
    ctx.progress(`${WHITEN_GROUP}: ${label}`);
    const t = await timeAsync(() => whitenImage(image, { ...BASE, kernel }), ctx.options.maxReps, ctx.options.budgetMsPerCase);
    const ref = reference.get(kernel);
    if (!ref) {
      reference.set(kernel, { backend: ctx.backend, ms: t.medianMs });
      yield valueRow(WHITEN_GROUP, label, ctx.backend, [ms('whiten', t.medianMs), ms('first run (compiles)', t.firstMs)], t.reps, IMAGE_NOTE);
    } else {
      yield comparisonRow({
        group: WHITEN_GROUP,
        label,
        backend: ctx.backend,
        a: ms('whiten', t.medianMs),
        b: ms(`whiten on ${ref.backend}`, ref.ms),
        ratioMeaning: `this backend / ${ref.backend}, lower is better`,
        reps: t.reps,
        extra: [ms('first run (compiles)', t.firstMs)],
        note: IMAGE_NOTE,
      });
    }
  }
}
