import { useMemo } from 'react';
import { ColourLegend } from '../charts/ColourLegend';
import { kernelImage } from '../training/kernels/kernelImage';
import { KernelPixels } from '../training/kernels/KernelPixels';

interface Props {
  shape: [number, number, number, number];
  data: Float32Array;
}

const CHANNEL_NAMES = ['R', 'G', 'B'];
const GRID_PX = 156;
const GAP_PX = 6;

/** Kernel (o, i) of [cOut, cIn, k, k] as a one-kernel bank [1, k, k, 1]. */
function kernelBank(data: Float32Array, k: number, cIn: number, o: number, i: number) {
  const start = (o * cIn + i) * k * k;
  return { shape: [1, k, k, 1] as const, values: Array.from(data.subarray(start, start + k * k)) };
}

/** Centre weight and mean of the other taps of the kernel from channel c to itself. */
function centreAndSurround(shape: Props['shape'], data: Float32Array, c: number): { centre: number; surround: number } {
  const [, cIn, k] = shape;
  const base = (c * cIn + c) * k * k;
  const mid = Math.floor(k / 2) * k + Math.floor(k / 2);
  let sum = 0;
  for (let t = 0; t < k * k; t += 1) if (t !== mid) sum += data[base + t];
  return { centre: data[base + mid], surround: k > 1 ? sum / (k * k - 1) : 0 };
}

/** Deconvolution kernels (rows: output channel, columns: input channel), one shared colour scale. */
export function KernelGrid({ shape, data }: Props) {
  const [cOut, cIn, k] = shape;
  const maxAbs = useMemo(() => data.reduce((m, v) => Math.max(m, Math.abs(v)), 0), [data]);
  // One image per kernel, all on one colour scale, laid out with gaps by CSS.
  const images = useMemo(
    () =>
      Array.from({ length: cOut * cIn }, (_, n) =>
        kernelImage(kernelBank(data, k, cIn, Math.floor(n / cIn), n % cIn), 'diverging', 1, { frame: false, maxAbs }),
      ),
    [data, k, cIn, cOut, maxAbs],
  );
  const cell = Math.max(4, Math.floor((GRID_PX - GAP_PX * (Math.max(cOut, cIn) - 1)) / (Math.max(cOut, cIn) * k)));
  const block = cell * k;
  const names = cIn === 1 ? ['grey'] : CHANNEL_NAMES;
  return (
    <div className="kernel-grid" data-testid="kernel-grid-whitening">
      <div className="kernel-layout" style={{ gridTemplateColumns: `auto ${cIn * block + (cIn - 1) * GAP_PX}px` }}>
        <span />
        <div className="kernel-col-labels" style={{ gridTemplateColumns: `repeat(${cIn}, ${block}px)`, columnGap: GAP_PX }}>
          {names.slice(0, cIn).map((n) => (
            <span key={n}>{cIn === 1 ? '' : `from ${n}`}</span>
          ))}
        </div>
        <div className="kernel-row-labels" style={{ gridTemplateRows: `repeat(${cOut}, ${block}px)`, rowGap: GAP_PX }}>
          {names.slice(0, cOut).map((n) => (
            <span key={n}>{cOut === 1 ? '' : `→ ${n}`}</span>
          ))}
        </div>
        <div
          className="kernel-tiles"
          role="img"
          aria-label={`${cOut}×${cIn} deconvolution kernels of size ${k}×${k}`}
          style={{ display: 'grid', gridTemplateColumns: `repeat(${cIn}, ${block}px)`, gap: GAP_PX }}
        >
          {images.map((image, n) => (
            <KernelPixels key={n} image={image} scale={cell} />
          ))}
        </div>
      </div>
      <ColourLegend range={maxAbs} label="kernel weight" />
      <p className="kernel-readout num">
        {names.slice(0, cOut).map((n, c) => {
          const { centre, surround } = centreAndSurround(shape, data, c);
          return (
            <span key={n}>
              {cOut > 1 && <b>{n}</b>}
              <span>centre {formatSigned(centre)}</span>
              <span>ring {formatSigned(surround)}</span>
            </span>
          );
        })}
      </p>
    </div>
  );
}

function formatSigned(v: number): string {
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return `${v >= 0 ? '+' : '−'}${abs.toFixed(digits)}`;
}
