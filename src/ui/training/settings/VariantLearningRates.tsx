// A learning rate per trained variant: empty means "the shared lr" (shown as the placeholder). When
// the rates differ, the read-out names each one and a sentence says why (the preset's reason).
import { mapRange, parseNumber } from '../../../core/settingsTable';
import { matchingPreset } from '../../../state/presets';
import { TRAINING_SCHEMA, type TrainingParams } from '../../../state/urlHashSchema';
import type { NormKind } from '../../../train/protocol';
import { learningRateReason, learningRatesText } from './learningRates';
import { VARIANT_TEXT_COLOUR } from '../variantStyle';
import { DraftInput } from './DraftInput';

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
  const label = `learning rate of ${SHORT[norm]} (empty: the shared ${shared})`;
  return (
    <DraftInput<number | null>
      name={`lr.${norm}`}
      label={`lr ${SHORT[norm]}`}
      ariaLabel={label}
      labelStyle={{ color: VARIANT_TEXT_COLOUR[norm] }}
      shown={own === undefined ? '' : String(own)}
      read={readVariantRate}
      isCurrent={(checked) => checked === (own ?? null)}
      onCommit={onCommit}
      disabled={disabled}
      placeholder={String(shared)}
      width="4.5em"
    />
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
