// Keyboard shortcuts as a pure function: a key press (plus context) -> an action, or null.

export type KeyAction = 'toggle-play' | 'step' | 'reset' | 'toggle-lecture' | 'next-panel' | 'previous-panel' | 'escape' | 'toggle-help';

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** Tag name of the focused element (INPUT, SELECT, TEXTAREA, BUTTON, ...). */
  targetTag?: string;
  /** True when the focused element is contentEditable. */
  targetEditable?: boolean;
}

export interface KeyContext {
  lecture: boolean;
  help: boolean;
}

const TYPING_TAGS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export const SHORTCUTS: readonly { keys: string; does: string }[] = [
  { keys: 'Space', does: 'play / pause' },
  { keys: 'S', does: 'one training step' },
  { keys: 'R', does: 'reset the run' },
  { keys: 'F', does: 'lecture mode: one panel full screen' },
  { keys: '← →', does: 'previous / next panel (lecture mode)' },
  { keys: 'Esc', does: 'leave lecture mode or close this help' },
  { keys: '?', does: 'show or hide this help' },
];

export function keyToAction(press: KeyPress, context: KeyContext): KeyAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return context.lecture || context.help ? 'escape' : null;
  if (press.targetEditable || (press.targetTag !== undefined && TYPING_TAGS.has(press.targetTag.toUpperCase()))) {
    return null;
  }
  switch (press.key) {
    case ' ':
    case 'Spacebar':
      // A focused button handles Space itself; acting twice would toggle back.
      return press.targetTag?.toUpperCase() === 'BUTTON' ? null : 'toggle-play';
    case 's':
    case 'S':
      return 'step';
    case 'r':
    case 'R':
      return 'reset';
    case 'f':
    case 'F':
      return 'toggle-lecture';
    case '?':
      return 'toggle-help';
    case 'ArrowRight':
    case 'PageDown':
      return context.lecture ? 'next-panel' : null;
    case 'ArrowLeft':
    case 'PageUp':
      return context.lecture ? 'previous-panel' : null;
    default:
      return null;
  }
}

/** Index of the next lecture panel, wrapping around. */
export function cyclePanel(current: number, count: number, direction: 1 | -1): number {
  return (((current + direction) % count) + count) % count;
}
