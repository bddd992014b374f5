// A learning rate per trained variant: empty means "the shared lr" (shown as the placeholder). When
// the rates differ, the read-out names each one and a sentence says why (the preset's reason).
import { useState } from 'react';
import { mapRange, parseNumber } from '../../../core/settingsTable';
import { matchingPreset } from '../../../state/presets';
import { TRAINING_SCHEMA, type TrainingParams } from '../../../state/urlHashSchema';
import type { NormKind } from '../../../train/protocol';
import { learningRateReason, learningRatesText } from './learningRates';
import { VARIANT_TEXT_COLOUR } from '../variantStyle';

const FIELD = TRAINING_SCHEMA.lrByNorm;
const SHORT = { deconv: 'deconv', batchnorm: 'BN', none: 'none' } as const;

/** The rate typed for a variant: a number, null for "use the shared one", or the problem. */
export function readVariantRate(text: string): number | null | string {
  if (text.trim() === '') return null;
  const parsed = parseNumber(mapRange(FIELD), text);
  return 'error' in parsed ? parsed.error : parsed.value;
}

interface RateInputProps {
  norm: NormKind;
  own: number | undefined;
  shared: number;
  disabled: boolean;
  onCommit: (rate: number | null) => void;
}

function RateInput({ norm, own, shared, disabled, onCommit }: RateInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (own === undefined ? '' : String(own));
  const checked = readVariantRate(text);
  const problem = typeof checked === 'string' ? checked : null;
  const commit = () => {
    if (draft === null || typeof checked === 'string') return;
    if (checked !== (own ?? null)) onCommit(checked);
    setDraft(null);
  };
  const label = `learning rate of ${SHORT[norm]} (empty: the shared ${shared})`;
  return (
    <label className="param" title={problem ?? label}>
      <span className="param-label" style={{ color: VARIANT_TEXT_COLOUR[norm] }}>
        lr {SHORT[norm]}
      </span>
      <input
        type="text"
        inputMode="decimal"
        name={`lr.${norm}`}
        className={problem ? 'param-invalid num' : 'num'}
        aria-invalid={problem ? true : undefined}
        aria-label={label}
        placeholder={String(shared)}
        style={{ width: '4.5em' }}
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

interface Props {
  params: TrainingParams;
  disabled: boolean;
  onChange: (lrByNorm: TrainingParams['lrByNorm']) => void;
}

/** One input per trained variant, for the settings row. */
export function VariantLearningRates({ params, disabled, onChange }: Props) {
  const set = (norm: NormKind, rate: number | null) => {
    const next = { ...params.lrByNorm };
    if (rate === null) delete next[norm];
    else next[norm] = rate;
    onChange(next);
  };
  return (
    <>
      {params.norms.map((norm) => (
        <RateInput
          key={norm}
          norm={norm}
          own={params.lrByNorm[norm]}
          shared={params.lr}
          disabled={disabled}
          onCommit={(rate) => set(norm, rate)}
        />
      ))}
    </>
  );
}

/** "lr: deconv 0.03, BN 0.05 — <why>", shown only while the variants' rates differ. */
export function LearningRateReason({ params }: { params: TrainingParams }) {
  const reason = learningRateReason(params, matchingPreset(params)?.reason);
  if (!reason) return null;
  return (
    <p className="message lr-reason" data-testid="lr-reason">
      <span className="num">{learningRatesText(params)}</span> — {reason}
    </p>
  );
}
