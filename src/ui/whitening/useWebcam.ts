import { useCallback, useEffect, useRef, useState } from 'react';
import { useWhiteningStore } from '../../state/whiteningStore';

/** Statistics (kernels, histograms, spectrum) are re-estimated from live frames this often. */
export const STATS_REFRESH_MS = 500;

function cameraMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'Camera access was refused. Allow the camera for this site in the browser settings, then press Webcam again.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this device.';
  if (name === 'NotReadableError') return 'The camera is in use by another application or could not be started.';
  return `The camera could not be started${error instanceof Error && error.message ? `: ${error.message}` : '.'}`;
}

/**
 * Streams camera frames to the whitening worker, one frame in flight at a time (the worker's
 * speed sets the frame rate); every STATS_REFRESH_MS a frame also refreshes the statistics.
 */
export function useWebcam() {
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const loop = useRef<number>(0);
  const [active, setActive] = useState(false);

  const stop = useCallback(() => {
    cancelAnimationFrame(loop.current);
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    if (video.current) video.current.srcObject = null;
    setActive(false);
  }, []);

  const start = useCallback(async () => {
    const store = useWhiteningStore.getState();
    if (!navigator.mediaDevices?.getUserMedia) {
      store.reportError('This browser offers no camera here (camera access needs HTTPS or localhost).');
      return;
    }
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 640 }, height: { ideal: 480 } },
        audio: false,
      });
    } catch (error) {
      store.reportError(cameraMessage(error));
      return;
    }
    setActive(true);
  }, []);

  useEffect(() => {
    const v = video.current;
    if (!active || !v || !stream.current) return;
    v.srcObject = stream.current;
    let inFlight = 0;
    let lastStats = -Infinity;
    let cancelled = false;
    const tick = async () => {
      if (cancelled) return;
      const { answeredId, sendFrame } = useWhiteningStore.getState();
      if ((inFlight === 0 || answeredId >= inFlight) && v.readyState >= 2 && v.videoWidth > 0) {
        inFlight = -1; // capturing
        const now = performance.now();
        const refresh = now - lastStats >= STATS_REFRESH_MS;
        if (refresh) lastStats = now;
        const frame = await createImageBitmap(v);
        if (cancelled) {
          frame.close();
          return;
        }
        inFlight = sendFrame(frame, refresh);
      }
      loop.current = requestAnimationFrame(() => void tick());
    };
    v.play()
      .then(() => tick())
      .catch((error: unknown) => useWhiteningStore.getState().reportError(cameraMessage(error)));
    return () => {
      cancelled = true;
      cancelAnimationFrame(loop.current);
    };
  }, [active]);

  useEffect(() => stop, [stop]);

  return { video, active, start, stop };
}
