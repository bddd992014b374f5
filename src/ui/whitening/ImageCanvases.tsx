import { useEffect, useRef, type RefObject } from 'react';
import type { FrameImage } from '../../platform/whitenProtocol';
import { rmsRange, signedImageToRgba } from '../charts/colormap';

/** Colour scale of the whitened image: ±3 RMS (edges may saturate; smooth areas stay readable). */
export const WHITENED_SIGMAS = 3;

/** The decoded photo as the worker saw it (after any downscaling). */
export function OriginalCanvas({ bitmap, label }: { bitmap: ImageBitmap | null; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !bitmap || bitmap.width === 0) return;
    c.width = bitmap.width;
    c.height = bitmap.height;
    c.getContext('2d')?.drawImage(bitmap, 0, 0);
  }, [bitmap]);
  return <canvas ref={canvas} className="image-canvas" role="img" aria-label={label} data-testid="original-canvas" />;
}

/** Whitened values on a symmetric scale: diverging map (grey) or RGB composite (colour). */
export function WhitenedCanvas({ image }: { image: FrameImage | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !image) return;
    // Assigning a size, even the same one, reallocates and clears the canvas: only when it changes.
    if (c.width !== image.width) c.width = image.width;
    if (c.height !== image.height) c.height = image.height;
    const range = rmsRange(image.whitened, WHITENED_SIGMAS, image.displayRange);
    const rgba = signedImageToRgba(image.whitened, image.width, image.height, image.channels, range);
    c.getContext('2d')?.putImageData(new ImageData(rgba, image.width, image.height), 0, 0);
  }, [image]);
  return <canvas ref={canvas} className="image-canvas" role="img" aria-label="The whitened image" data-testid="whitened-canvas" />;
}

/** The live camera picture in webcam mode. */
export function WebcamVideo({ video }: { video: RefObject<HTMLVideoElement | null> }) {
  return <video ref={video} className="image-canvas" muted playsInline aria-label="Live camera picture" />;
}
