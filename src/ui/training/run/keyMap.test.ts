import { describe, expect, it } from 'vitest';
import { cyclePanel, keyToAction } from './keyMap';

const idle = { lecture: false, help: false };

describe('keyToAction', () => {
  it('maps the documented shortcuts', () => {
    expect(keyToAction({ key: ' ' }, idle)).toBe('toggle-play');
    expect(keyToAction({ key: 's' }, idle)).toBe('step');
    expect(keyToAction({ key: 'R' }, idle)).toBe('reset');
    expect(keyToAction({ key: 'f' }, idle)).toBe('toggle-lecture');
    expect(keyToAction({ key: '?' }, idle)).toBe('toggle-help');
  });

  it('ignores keys while typing in a form field', () => {
    for (const tag of ['INPUT', 'select', 'TEXTAREA']) {
      expect(keyToAction({ key: 's', targetTag: tag }, idle)).toBeNull();
      expect(keyToAction({ key: ' ', targetTag: tag }, idle)).toBeNull();
    }
    expect(keyToAction({ key: 'r', targetEditable: true }, idle)).toBeNull();
  });

  it('leaves Space to a focused button but still takes letters', () => {
    expect(keyToAction({ key: ' ', targetTag: 'BUTTON' }, idle)).toBeNull();
    expect(keyToAction({ key: 's', targetTag: 'BUTTON' }, idle)).toBe('step');
  });

  it('ignores modified keys (browser shortcuts stay intact)', () => {
    expect(keyToAction({ key: 'r', ctrlKey: true }, idle)).toBeNull();
    expect(keyToAction({ key: 'f', metaKey: true }, idle)).toBeNull();
  });

  it('arrows move panels only in lecture mode; Escape only when something is open', () => {
    expect(keyToAction({ key: 'ArrowRight' }, idle)).toBeNull();
    expect(keyToAction({ key: 'ArrowRight' }, { lecture: true, help: false })).toBe('next-panel');
    expect(keyToAction({ key: 'ArrowLeft' }, { lecture: true, help: false })).toBe('previous-panel');
    expect(keyToAction({ key: 'Escape' }, idle)).toBeNull();
    expect(keyToAction({ key: 'Escape' }, { lecture: false, help: true })).toBe('escape');
    expect(keyToAction({ key: 'Escape', targetTag: 'INPUT' }, { lecture: true, help: false })).toBe('escape');
  });

  it('cycles panels both ways', () => {
    expect(cyclePanel(2, 3, 1)).toBe(0);
    expect(cyclePanel(0, 3, -1)).toBe(2);
  });
});
