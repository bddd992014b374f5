import { describe, expect, it } from 'vitest';
import { tourKeyAction } from './tourKeys';

describe('tour keys', () => {
  it('moves with the arrows and page keys, leaves with Esc, toggles lecture mode with F', () => {
    expect(tourKeyAction({ key: 'ArrowRight' })).toBe('next');
    expect(tourKeyAction({ key: 'PageDown' })).toBe('next');
    expect(tourKeyAction({ key: 'ArrowLeft' })).toBe('back');
    expect(tourKeyAction({ key: 'PageUp' })).toBe('back');
    expect(tourKeyAction({ key: 'Escape' })).toBe('leave');
    expect(tourKeyAction({ key: 'f' })).toBe('toggle-lecture');
    expect(tourKeyAction({ key: 'F', targetTag: 'BUTTON' })).toBe('toggle-lecture');
  });
  it('leaves Space, other keys and modified keys to the view', () => {
    expect(tourKeyAction({ key: ' ' })).toBeNull();
    expect(tourKeyAction({ key: 's' })).toBeNull();
    expect(tourKeyAction({ key: 'ArrowRight', ctrlKey: true })).toBeNull();
    expect(tourKeyAction({ key: 'ArrowLeft', altKey: true })).toBeNull();
  });
  it('leaves arrows to a focused slider or field, but Esc still leaves', () => {
    expect(tourKeyAction({ key: 'ArrowRight', targetTag: 'input' })).toBeNull();
    expect(tourKeyAction({ key: 'ArrowLeft', targetTag: 'SELECT' })).toBeNull();
    expect(tourKeyAction({ key: 'f', targetEditable: true })).toBeNull();
    expect(tourKeyAction({ key: 'Escape', targetTag: 'INPUT' })).toBe('leave');
  });
});
