import { describe, expect, it } from 'vitest';
import { divergedEvent, divergenceSentence } from './divergence';

describe('divergence report', () => {
  it('names the variant as people read it, the step and what happened to the loss', () => {
    expect(divergenceSentence('batchnorm', 12, 'the loss became NaN')).toBe(
      'batch norm diverged at step 12: the loss became NaN; the other variants are unaffected.',
    );
  });

  it("the worker's event carries the trainer's sentence unchanged", () => {
    const message = divergenceSentence('deconv', 3, 'the loss exploded to 1e9');
    expect(divergedEvent({ norm: 'deconv', step: 3, reason: 'the loss exploded to 1e9', message })).toEqual({
      type: 'diverged',
      norm: 'deconv',
      step: 3,
      message,
    });
  });
});
