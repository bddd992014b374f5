// The preset menu and the picked preset's one-sentence lesson (shown while its settings are unchanged).
import { PRESETS, matchingPreset } from '../../../state/presets';
import type { TrainingParams } from '../../../state/urlHashSchema';
import './presetPicker.css';

interface PresetPickerProps {
  /** The preset picked last, if the settings have not been edited since. */
  presetId: string | undefined;
  params: TrainingParams;
  onPick: (id: string) => void;
}

export function PresetPicker({ presetId, params, onPick }: PresetPickerProps) {
  return (
    <label className="param preset-picker">
      <span className="param-label">preset</span>
      <select aria-label="preset" value={presetId ?? matchingPreset(params)?.id ?? ''} onChange={(event) => onPick(event.target.value)}>
        <option value="">custom settings</option>
        <optgroup label="Training">
          {PRESETS.filter((p) => p.kind === 'training').map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </optgroup>
        <optgroup label="Whitening view">
          {PRESETS.filter((p) => p.kind === 'link').map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}

/** The lesson of the preset whose settings are all in place; nothing once a setting is changed. */
export function PresetLesson({ params }: { params: TrainingParams }) {
  const preset = matchingPreset(params);
  if (!preset) return null;
  return (
    <p className="preset-lesson" data-testid="preset-lesson" data-preset={preset.id}>
      <span className="preset-lesson-label">What to look for: </span>
      {preset.lesson}
    </p>
  );
}
