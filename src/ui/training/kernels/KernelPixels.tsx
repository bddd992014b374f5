// A kernel image (kernelImage.ts: one pixel per tap, one colour scale) on a canvas, enlarged by an
// integer factor with crisp pixels. The one place kernels are drawn: the training view's banks
// and the whitening view's grid.
import { useEffect, useRef, type RefObject } from 'react';
import type { KernelImageData } from './kernelImage';

function drawInto(canvas: HTMLCanvasElement | null, image: KernelImageData) {
  if (!canvas) return;
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const pixels = new Uint8ClampedArray(image.rgba.length);
  pixels.set(image.rgba);
  context.putImageData(new ImageData(pixels, image.width, image.height), 0, 0);
}

interface KernelPixelsProps {
  image: KernelImageData;
  scale: number;
  /** Set when the canvas stands alone as an image (no surrounding button or caption names it). */
  label?: string;
  /** The canvas, for exporting it. */
  canvasRef?: RefObject<HTMLCanvasElement | null>;
}

export function KernelPixels({ image, scale, label, canvasRef }: KernelPixelsProps) {
  const own = useRef<HTMLCanvasElement | null>(null);
  const ref = canvasRef ?? own;
  useEffect(() => drawInto(ref.current, image), [ref, image]);
  return (
    <canvas
      ref={ref}
      className="pixelated"
      role={label ? 'img' : undefined}
      aria-label={label}
      style={{ width: image.width * scale, height: image.height * scale, imageRendering: 'pixelated' }}
    />
  );
}
