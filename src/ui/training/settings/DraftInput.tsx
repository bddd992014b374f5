// A text box for one number that keeps what the user types as a draft: it is checked as it is
// typed (the problem shown in place), committed on Enter or blur when valid, and dropped on Escape.
import { useState, type CSSProperties, type ReactNode } from 'react';

interface DraftInputProps<T extends number | null> {
  name: string;
  /** The visible label and the accessible name of the box. */
  label: ReactNode;
  ariaLabel: string;
  labelStyle?: CSSProperties;
  /** The committed value as text. */
  shown: string;
  /** The typed text as a value, or the problem with it. */
  read: (text: string) => T | string;
  /** Whether `value` is what is already committed (nothing to commit then). */
  isCurrent: (value: T) => boolean;
  onCommit: (value: T) => void;
  disabled: boolean;
  placeholder?: string;
  width?: string;
  /** Tooltip (default: the accessible name). */
  title?: string;
}

export function DraftInput<T extends number | null>(props: DraftInputProps<T>) {
  const { name, label, ariaLabel, labelStyle, shown, read, isCurrent, onCommit, disabled, placeholder, width, title } = props;
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? shown;
  const checked = read(text);
  const problem = typeof checked === 'string' ? checked : null;
  const commit = () => {
    if (draft === null || typeof checked === 'string') return;
    if (!isCurrent(checked)) onCommit(checked);
    setDraft(null);
  };
  return (
    <label className="param" title={problem ?? title ?? ariaLabel}>
      <span className="param-label" style={labelStyle}>
        {label}
      </span>
      <input
        type="text"
        inputMode="decimal"
        name={name}
        className={problem ? 'param-invalid num' : 'num'}
        aria-invalid={problem ? true : undefined}
        aria-label={ariaLabel}
        placeholder={placeholder}
        style={width ? { width } : undefined}
        value={text}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(null);
        }}
      />
      {problem && (
        <span className="param-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
