// The one sentence that reports a diverged variant: the trainer writes it, the worker passes it on
// unchanged, the CLI prints it and the dashboard shows it.
import { NORM_LABEL, type NormKind } from '../nn/vocabulary';
import type { TrainEvent } from './protocol';

export interface DivergenceEvent {
  norm: NormKind;
  step: number;
  /** What happened to the loss, e.g. "the loss became NaN". */
  reason: string;
  /** A whole sentence naming the variant and the step (divergenceSentence). */
  message: string;
}

export function divergenceSentence(norm: NormKind, step: number, reason: string): string {
  return `${NORM_LABEL[norm]} diverged at step ${step}: ${reason}; the other variants are unaffected.`;
}

/** The worker's event for a divergence: it carries the trainer's sentence, not just the reason. */
export function divergedEvent(event: DivergenceEvent): Extract<TrainEvent, { type: 'diverged' }> {
  return { type: 'diverged', norm: event.norm, step: event.step, message: event.message };
}
