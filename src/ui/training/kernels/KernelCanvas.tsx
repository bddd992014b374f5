// One bank of kernels drawn on a canvas (one pixel per tap, scaled up crisply), with its colour
// legend, enlarge-on-click and PNG/SVG export.
import { useMemo, useRef, useState } from 'react';
import { divergingColour, rgbCss } from '../../charts/colormap';
import { canvasToPng, downloadBlob, downloadText } from '../run/download';
import { bestColumns, kernelTileCount, kernelImage, type KernelBank, type KernelColourMode } from './kernelImage';
import { KernelPixels } from './KernelPixels';
import { kernelSvg } from './kernelSvg';

interface KernelCanvasProps {
  title: string;
  bank: KernelBank;
  mode: KernelColourMode;
  /** Width the grid should fill, in CSS pixels. */
  maxWidth: number;
  maxHeight: number;
  fileName: (extension: string) => string;
}

function Legend({ maxAbs }: { maxAbs: number }) {
  const stops = [-1, -0.5, 0, 0.5, 1].map((t, i) => `${rgbCss(divergingColour(t, 1))} ${i * 25}%`).join(', ');
  const label = (value: number) =>
    Math.abs(value) >= 100 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(1) : value.toFixed(2);
  return (
    <div className="tv-kernel-legend" aria-label={`colour scale from ${label(-maxAbs)} (blue) through 0 (white) to ${label(maxAbs)} (red)`}>
      <span className="num">{label(-maxAbs)}</span>
      <span className="tv-kernel-legend-bar" style={{ background: `linear-gradient(to right, ${stops})` }} />
      <span className="num">{label(maxAbs)}</span>
    </div>
  );
}

export function KernelCanvas({ title, bank, mode, maxWidth, maxHeight, fileName }: KernelCanvasProps) {
  const columns = bestColumns(kernelTileCount(bank, mode), bank.shape[1], maxWidth, maxHeight);
  // Keyed on the value array: the store keeps the same array until new kernels arrive.
  const { values, shape } = bank;
  const image = useMemo(() => kernelImage({ values, shape }, mode, columns), [values, shape, mode, columns]);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [enlarged, setEnlarged] = useState(false);
  const scale = Math.max(1, Math.min(40, Math.floor(Math.min(maxWidth / image.width, maxHeight / image.height))));

  const exportPng = () => {
    if (canvasRef.current) void canvasToPng(canvasRef.current, 16).then((blob) => downloadBlob(blob, fileName('png')));
  };
  const exportSvg = () => downloadText(kernelSvg(image, 16, title), fileName('svg'), 'image/svg+xml');
  const bigScale = Math.max(1, Math.floor(Math.min((window.innerWidth * 0.85) / image.width, (window.innerHeight * 0.7) / image.height)));

  return (
    <figure className="tv-kernel-canvas">
      <figcaption className="tv-kernel-canvas-title">
        {title}
        <span className="export-row">
          <button type="button" className="link-button" onClick={exportPng} aria-label={`Download ${title} as PNG`}>
            PNG
          </button>
          <button type="button" className="link-button" onClick={exportSvg} aria-label={`Download ${title} as SVG`}>
            SVG
          </button>
        </span>
      </figcaption>
      <button type="button" className="tv-kernel-canvas-button" onClick={() => setEnlarged(true)} aria-label={`Enlarge ${title}`}>
        <KernelPixels image={image} scale={scale} canvasRef={canvasRef} />
      </button>
      <Legend maxAbs={image.maxAbs} />
      {enlarged && (
        <div className="overlay" role="dialog" aria-modal="true" aria-label={`${title}, enlarged`} onClick={() => setEnlarged(false)}>
          <div className="overlay-card">
            <h3 className="panel-title">{title}</h3>
            <KernelPixels image={image} scale={bigScale} />
            <Legend maxAbs={image.maxAbs} />
            <p className="caption">Click anywhere to close.</p>
          </div>
        </div>
      )}
    </figure>
  );
}
