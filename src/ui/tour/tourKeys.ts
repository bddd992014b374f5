// The tour's keys as a pure function: a key press -> a tour action, or null (the view gets it).
import type { KeyPress } from '../training/run/keyMap';

export type TourKeyAction = 'next' | 'back' | 'leave' | 'toggle-lecture';

/** The same key press the training view's shortcuts read. */
export type TourKeyPress = KeyPress;

const OWN_KEYS_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function tourKeyAction(press: TourKeyPress): TourKeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return 'leave';
  if (press.targetEditable || (press.targetTag !== undefined && OWN_KEYS_TAGS.has(press.targetTag.toUpperCase()))) return null;
  switch (press.key) {
    case 'ArrowRight':
    case 'PageDown':
      return 'next';
    case 'ArrowLeft':
    case 'PageUp':
      return 'back';
    case 'f':
    case 'F':
      return 'toggle-lecture';
    default:
      return null;
  }
}
