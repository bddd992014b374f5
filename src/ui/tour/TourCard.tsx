// The tour's card: where we are, the step's sentence, the next action, and the way on.
import { TOUR_LENGTH, TOUR_STEPS, tourHash, type TourStep } from '../../state/tour';

interface TourCardProps {
  step: number;
  current: TourStep;
  lecture: boolean;
  onBack: () => void;
  onNext: () => void;
  onLeave: () => void;
  onToggleLecture: () => void;
}

export function TourCard({ step, current, lecture, onBack, onNext, onLeave, onToggleLecture }: TourCardProps) {
  return (
    <aside className="tour-card" aria-label="Tour" data-testid="tour-card" data-step={step}>
      <p className="tour-counter num">
        Tour · step {step} of {TOUR_LENGTH}
      </p>
      <h2 className="tour-title">{current.title}</h2>
      <p className="tour-text" data-testid="tour-step" aria-live="polite">
        {current.text}
      </p>
      <p className="tour-action" data-testid="tour-action">
        <span className="tour-action-label">Next: </span>
        {current.action}
      </p>
      <div className="tour-buttons">
        <button type="button" className="button" data-testid="tour-back" onClick={onBack} disabled={step <= 1} aria-label="Back (←)">
          ← Back
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="tour-next"
          onClick={onNext}
          disabled={step >= TOUR_LENGTH}
          aria-label="Next (→)"
        >
          Next →
        </button>
      </div>
      <ol className="tour-steps" aria-label="Tour steps">
        {TOUR_STEPS.map((s, index) => (
          <li key={s.title}>
            <a href={tourHash(index + 1)} aria-current={index + 1 === step ? 'step' : undefined}>
              {s.title}
            </a>
          </li>
        ))}
      </ol>
      <p className="tour-keys">
        ← → move · Esc leaves ·{' '}
        <button type="button" className="tour-link" onClick={onToggleLecture} aria-pressed={lecture} data-testid="tour-lecture">
          lecture mode (F)
        </button>
      </p>
      <button type="button" className="tour-link tour-leave" data-testid="tour-leave" onClick={onLeave}>
        Leave the tour (Esc)
      </button>
    </aside>
  );
}
