// The tour's keys as a pure function: a key press -> a tour action, or null (the view gets it).

export type TourKeyAction = 'next' | 'back' | 'leave' | 'toggle-lecture';

export interface TourKeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Tag name of the focused element: arrows belong to a focused slider or text field. */
  targetTag?: string;
  targetEditable?: boolean;
}

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
