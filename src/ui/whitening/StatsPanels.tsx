import type { ChannelStatsData, WhitenPayload } from '../../platform/whitenProtocol';
import { HistogramChart } from '../charts/HistogramChart';
import { SpectrumChart } from '../charts/SpectrumChart';

function meanOf(stats: ChannelStatsData[], key: 'kurtosis' | 'nearZeroFraction'): number {
  return stats.reduce((s, c) => s + c[key], 0) / Math.max(1, stats.length);
}

const pct = (v: number) => `${(v * 100).toFixed(0)} %`;

/** Pixel histograms before and after whitening, with kurtosis and near-zero fraction. */
export function HistogramPanel({ payload }: { payload: WhitenPayload }) {
  const { input, output } = payload.stats;
  const channelsNote = payload.channels === 3 ? ' (mean of R, G, B)' : '';
  return (
    <section className="panel stats-hist" aria-labelledby="hist-title">
      <h2 className="panel-title" id="hist-title">
        Pixel values: before and after{channelsNote}
      </h2>
      <div className="hist-pair">
        <figure className="hist">
          <figcaption className="hist-head">
            <span className="swatch swatch-none" /> original
            <span className="num readout">
              kurtosis <b data-testid="kurtosis-before">{meanOf(input, 'kurtosis').toFixed(1)}</b> · near-zero{' '}
              <b>{pct(meanOf(input, 'nearZeroFraction'))}</b>
            </span>
          </figcaption>
          <HistogramChart
            histogram={payload.histograms.input}
            colour="var(--color-none)"
            fill="var(--color-none-fill)"
            xLabel="pixel value − channel mean"
            testId="histogram-before"
          />
        </figure>
        <figure className="hist">
          <figcaption className="hist-head">
            <span className="swatch swatch-deconv" /> whitened
            <span className="num readout">
              kurtosis <b data-testid="kurtosis-after">{meanOf(output, 'kurtosis').toFixed(1)}</b> · near-zero{' '}
              <b data-testid="near-zero-after">{pct(meanOf(output, 'nearZeroFraction'))}</b>
            </span>
          </figcaption>
          <HistogramChart
            histogram={payload.histograms.output}
            colour="var(--color-deconv)"
            fill="var(--color-deconv-fill)"
            xLabel="whitened value (centred)"
            testId="histogram-after"
          />
        </figure>
      </div>
      <p className="caption">
        Whitening makes pixels sparse: most values gather near zero with heavy tails at edges. Kurtosis is E[(v−m)⁴]/σ⁴ (3 for a Gaussian,
        higher = sparser); near-zero is the share of values within 0.1 σ of the mean.
      </p>
    </section>
  );
}

/** Eigenvalues of the patch covariance and of the whitened covariance. */
export function SpectrumPanel({ payload }: { payload: WhitenPayload }) {
  const err = payload.isqrtRelativeError;
  return (
    <section className="panel stats-spectrum" aria-labelledby="spectrum-title">
      <h2 className="panel-title" id="spectrum-title">
        Covariance spectrum
      </h2>
      <SpectrumChart
        series={[
          { values: payload.eigenvalues, colour: 'var(--color-none)', label: 'covariance' },
          { values: payload.whitenedEigenvalues, colour: 'var(--color-deconv)', label: 'whitened' },
        ]}
      />
      <p className="legend-inline">
        <span className="swatch swatch-none" /> covariance (pixel²) <span className="swatch swatch-deconv" /> after whitening
      </p>
      <p className="caption">
        Eigenvalues of the covariance of {payload.patchCount.toLocaleString('en')} patches span decades; whitening pulls every one to 1
        (dashed). Distance from exact whitening:{' '}
        <b className="num" data-testid="isqrt-error">
          {Number.isFinite(err) ? err.toExponential(1) : '—'}
        </b>
        .
      </p>
    </section>
  );
}
