import { WHITENING_SETTINGS } from '../../core/whitenSettings';
import type { WhitenSettings } from '../../platform/whitenProtocol';
import { KPlayButton, useKPlay } from './KPlayButton';

interface Props {
  settings: WhitenSettings;
  onChange: (change: Partial<WhitenSettings>) => void;
  disabled?: boolean;
}

// Slider ranges from the whitening settings table (the hash and the CLI use the same).
const { kernel: KERNEL, eps: EPS, iters: ITERS, samplingStride: STRIDE } = WHITENING_SETTINGS;

function formatEps(eps: number): string {
  const exponent = Math.log10(eps);
  return Number.isInteger(exponent) ? `1e${exponent}` : eps.toExponential(1).replace('e-', 'e−');
}

/** Kernel size, eps (log slider), Newton–Schulz iterations, sampling stride, colour or grey, engine. */
export function WhiteningControls({ settings, onChange, disabled }: Props) {
  const play = useKPlay();
  return (
    <fieldset className="controls" disabled={disabled}>
      <legend className="visually-hidden">Whitening settings</legend>
      <label className="control">
        <span className="control-name">
          kernel{' '}
          <b className="num">
            {settings.kernel}×{settings.kernel}
          </b>
        </span>
        <input
          type="range"
          min={KERNEL.min}
          max={KERNEL.max}
          step={2}
          value={settings.kernel}
          data-testid="kernel-slider"
          aria-label={`Kernel size k (odd, ${KERNEL.min} to ${KERNEL.max})`}
          onChange={(e) => onChange({ kernel: Number(e.target.value) })}
        />
      </label>
      <label className="control">
        <span className="control-name">
          eps <b className="num">{formatEps(settings.eps)}</b>
        </span>
        <input
          type="range"
          min={Math.log10(EPS.min)}
          max={Math.log10(EPS.max)}
          step={0.5}
          value={Math.log10(settings.eps)}
          data-testid="eps-slider"
          aria-label={`eps added to the covariance diagonal (log scale, ${EPS.min} to ${EPS.max})`}
          onChange={(e) => onChange({ eps: 10 ** Number(e.target.value) })}
        />
      </label>
      <div className="control-wide k-control">
        <label className="control">
          <span className="control-name">
            iterations K <b className="num">{settings.iters}</b>
          </span>
          <input
            type="range"
            min={ITERS.min}
            max={ITERS.max}
            step={1}
            value={settings.iters}
            data-testid="iterations-slider"
            aria-label={`Newton–Schulz iterations K (${ITERS.min} to ${ITERS.max})`}
            onPointerDown={play.stop}
            onKeyDown={play.stop}
            onChange={(e) => {
              play.stop();
              onChange({ iters: Number(e.target.value) });
            }}
          />
        </label>
        <KPlayButton play={play} />
      </div>
      <label className="control">
        <span className="control-name">
          sampling stride <b className="num">{settings.samplingStride}</b>
        </span>
        <input
          type="range"
          min={STRIDE.min}
          max={STRIDE.max}
          step={1}
          value={settings.samplingStride}
          data-testid="stride-slider"
          aria-label="Sampling stride: use every S-th patch for the statistics"
          onChange={(e) => onChange({ samplingStride: Number(e.target.value) })}
        />
      </label>
      <div className="control segmented" role="group" aria-label="Colour or grey">
        <button type="button" className="button" aria-pressed={!settings.grey} onClick={() => onChange({ grey: false })}>
          colour
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={settings.grey}
          data-testid="grey-toggle"
          onClick={() => onChange({ grey: true })}
        >
          grey
        </button>
      </div>
      <label
        className="control"
        title="The direct engine answers a slider change in tens of milliseconds; the backend shows the tfjs path (fused WGSL kernels on WebGPU) doing the same work."
      >
        <span className="control-name">computed by</span>
        <select
          value={settings.engine}
          data-testid="engine-select"
          aria-label="Who computes the whitening"
          onChange={(e) => onChange({ engine: e.target.value === 'backend' ? 'backend' : 'direct' })}
        >
          <option value="direct">direct engine (JS/wasm)</option>
          <option value="backend">the tfjs backend</option>
        </select>
      </label>
    </fieldset>
  );
}
