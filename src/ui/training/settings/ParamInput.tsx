// A number or choice input bound to one TRAINING_SCHEMA entry: validated against the schema's
// range, committed on Enter or blur, with the problem shown in place.
import { TRAINING_SCHEMA, type TrainingParams } from '../../../state/urlHashSchema';
import { DraftInput } from './DraftInput';

type NumberKey = { [K in keyof TrainingParams]: TrainingParams[K] extends number ? K : never }[keyof TrainingParams];
type ChoiceKey = 'dataset' | 'model' | 'optimizer' | 'schedule' | 'blockMode' | 'backend';

interface NumberInputProps {
  name: NumberKey;
  value: number;
  disabled: boolean;
  onCommit: (value: number) => void;
  label?: string;
  width?: string;
  title?: string;
}

export function validateNumber(name: NumberKey, text: string): number | string {
  const field = TRAINING_SCHEMA[name];
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) return 'not a number';
  if (field.kind === 'int' && !Number.isInteger(value)) return 'a whole number is needed';
  if (value < field.min || value > field.max) return `allowed: ${field.min} to ${field.max}`;
  return value;
}

export function NumberInput({ name, value, disabled, onCommit, label, width, title }: NumberInputProps) {
  const field = TRAINING_SCHEMA[name];
  return (
    <DraftInput<number>
      name={name}
      label={label ?? field.label}
      ariaLabel={field.label}
      shown={String(value)}
      read={(text) => validateNumber(name, text)}
      isCurrent={(checked) => checked === value}
      onCommit={onCommit}
      disabled={disabled}
      width={width}
      title={title}
    />
  );
}

interface ChoiceInputProps<K extends ChoiceKey> {
  name: K;
  value: TrainingParams[K];
  disabled: boolean;
  onChange: (value: TrainingParams[K]) => void;
  labels?: Partial<Record<TrainingParams[K], string>>;
  label?: string;
}

export function ChoiceInput<K extends ChoiceKey>({ name, value, disabled, onChange, labels, label }: ChoiceInputProps<K>) {
  const field = TRAINING_SCHEMA[name] as { options: readonly TrainingParams[K][]; label: string };
  const options = field.options;
  return (
    <label className="param">
      <span className="param-label">{label ?? field.label}</span>
      <select
        name={name}
        value={value}
        disabled={disabled}
        aria-label={field.label}
        onChange={(event) => onChange(event.target.value as TrainingParams[K])}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </label>
  );
}
