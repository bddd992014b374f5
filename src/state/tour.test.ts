import { describe, expect, it } from 'vitest';
import { findPreset } from './presets';
import { clampStep, parseTourStep, TOUR_LENGTH, TOUR_STEPS, tourHash, tourStep } from './tour';

describe('the tour step in the hash', () => {
  it('reads a valid step', () => {
    expect(parseTourStep('#/tour?step=4')).toBe(4);
    expect(parseTourStep(`#/tour?step=${TOUR_LENGTH}`)).toBe(TOUR_LENGTH);
    expect(parseTourStep('#/tour?x=1&step=2')).toBe(2);
  });
  it('opens step 1 for a missing, garbage or out-of-range step', () => {
    for (const hash of [
      '#/tour',
      '#/tour?',
      '#/tour?step=',
      '#/tour?step=abc',
      '#/tour?step=0',
      '#/tour?step=-2',
      '#/tour?step=2.5',
      `#/tour?step=${TOUR_LENGTH + 1}`,
      '#/tour?step=1e3',
      '#/tour?step=%ZZ',
      '#/training?step=3',
      '',
    ]) {
      expect(parseTourStep(hash), hash).toBe(1);
    }
  });
  it('round-trips every step and clamps the rest', () => {
    for (let step = 1; step <= TOUR_LENGTH; step += 1) expect(parseTourStep(tourHash(step))).toBe(step);
    expect(tourHash(0)).toBe('#/tour?step=1');
    expect(tourHash(99)).toBe(`#/tour?step=${TOUR_LENGTH}`);
    expect(clampStep(Number.NaN)).toBe(1);
    expect(tourStep(-5)).toBe(TOUR_STEPS[0]);
  });
});

describe('the tour steps', () => {
  it('has 5 to 7 steps, each with one sentence and a next action', () => {
    expect(TOUR_LENGTH).toBeGreaterThanOrEqual(5);
    expect(TOUR_LENGTH).toBeLessThanOrEqual(7);
    for (const step of TOUR_STEPS) {
      expect(step.text.split(/[.!?](\s|$)/).filter((part) => part && part.trim()).length, step.text).toBe(1);
      expect(step.action.length).toBeGreaterThan(0);
    }
  });
  it('goes from the photo through whitening to the race and the sparsity histograms', () => {
    expect(TOUR_STEPS[0].stage.view).toBe('whitening');
    expect(TOUR_STEPS.some((s) => s.stage.view === 'whitening' && s.stage.iters === 1)).toBe(true);
    expect(TOUR_STEPS.some((s) => s.stage.view === 'whitening' && s.stage.iters === 15)).toBe(true);
    expect(TOUR_STEPS.some((s) => s.stage.view === 'whitening' && s.stage.focus === 'kernels')).toBe(true);
    const last = TOUR_STEPS[TOUR_LENGTH - 1].stage;
    expect(last.view === 'training' && last.focus).toBe('sparsity');
  });
  it('names training presets that exist and makes no promise of a winner', () => {
    for (const step of TOUR_STEPS) {
      if (step.stage.view === 'training') expect(findPreset(step.stage.preset)?.kind).toBe('training');
      expect(step.text).not.toMatch(/\bwins?\b|\bbeats?\b|always/i);
    }
    expect(TOUR_STEPS.some((s) => /watch which curve falls first/.test(s.text))).toBe(true);
    expect(TOUR_STEPS.some((s) => s.action === 'Press Play.')).toBe(true);
  });
});
