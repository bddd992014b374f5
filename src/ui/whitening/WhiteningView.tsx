import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useWhiteningStore, whiteningClient } from '../../state/whiteningStore';
import { ImageSourceBar } from './ImageSourceBar';
import { OriginalCanvas, WebcamVideo, WhitenedCanvas } from './ImageCanvases';
import { KernelGrid } from './KernelGrid';
import { MeasurementLine } from './MeasurementLine';
import { HistogramPanel, SpectrumPanel } from './StatsPanels';
import { sampleUrl, useSamples, type Sample } from './useSamples';
import { useWebcam } from './useWebcam';
import { useWhiteningHash } from './useWhiteningHash';
import { WhiteningControls } from './WhiteningControls';
import { whitenedCaption } from './whitenedCaption';
import './whitening.css';

function firstPastedFile(items: DataTransferItemList | undefined): File | null {
  for (const item of Array.from(items ?? [])) {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    if (file) return file;
  }
  return null;
}

export function WhiteningView() {
  const samples = useSamples();
  const s = useWhiteningStore();
  const webcam = useWebcam();
  const [dragging, setDragging] = useState(false);
  const { load, image, payload, sample } = s;

  const loadFile = useCallback((file: File) => load({ kind: 'blob', blob: file, name: file.name || 'pasted image' }), [load]);
  const loadSample = useCallback(
    (picked: Sample) => load({ kind: 'url', url: new URL(sampleUrl(picked.file), document.baseURI).href, name: picked.title }, picked.file),
    [load],
  );

  // Start the worker at once (backend selection takes a while) and show the first sample.
  useEffect(() => {
    whiteningClient();
  }, []);
  useWhiteningHash(samples, loadSample);

  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const file = firstPastedFile(e.clipboardData?.items);
      if (file) {
        e.preventDefault();
        loadFile(file);
      }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [loadFile]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) loadFile(file);
    else s.reportError('Only files can be dropped here: drop a photo from your computer.');
  };

  const toggleWebcam = () => {
    if (webcam.active) {
      webcam.stop();
      s.setSettings({}); // show the still image again
    } else {
      void webcam.start();
    }
  };

  const busy = s.status === 'working' || s.status === 'starting';
  return (
    <section
      className={`whitening${dragging ? ' dragging' : ''}`}
      aria-label="Whitening"
      data-testid="whitening-view"
      data-status={s.status}
      data-requested={s.requestedId}
      data-answered={s.answeredId}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <ImageSourceBar
        samples={samples}
        activeSample={sample}
        onSample={loadSample}
        onFile={loadFile}
        webcamActive={webcam.active}
        onWebcam={toggleWebcam}
      />
      <div className="messages" aria-live="polite">
        {s.error && (
          <p className="message message-error" data-testid="error-message" role="alert">
            {s.error}
          </p>
        )}
        {s.notices.map((n) => (
          <p key={n} className="message message-notice" data-testid="image-notice">
            {n}
          </p>
        ))}
      </div>
      <div className="figure-row">
        <figure className="panel figure">
          <h2 className="panel-title">{webcam.active ? 'Camera' : 'Original'}</h2>
          <div className="image-frame">
            {webcam.active ? (
              <WebcamVideo video={webcam.video} />
            ) : (
              <OriginalCanvas bitmap={s.bitmap} label={image ? `Original: ${image.name}` : 'No image yet'} />
            )}
          </div>
          <figcaption className="caption">
            {webcam.active
              ? `Live camera; frames whitened at ${s.display ? `${s.display.width}×${s.display.height}` : '…'} px, statistics refreshed every 0.5 s.`
              : image
                ? `${image.name}, ${image.width}×${image.height} px, pixels scaled to [0, 1].`
                : 'Loading a sample photo…'}
          </figcaption>
        </figure>
        <figure className="panel figure">
          <h2 className="panel-title">
            Whitened {busy && <span className="spinner" role="img" aria-label="computing" />}
            {webcam.active && (
              <span className="fps num" data-testid="webcam-fps" data-fps={s.fps.toFixed(2)}>
                {s.fps.toFixed(1)} frames/s
              </span>
            )}
          </h2>
          <div className="image-frame">
            {!s.display && s.status !== 'failed' && (
              <p className="first-run" role="status">
                {s.settings.engine === 'direct'
                  ? 'Whitening…'
                  : s.status === 'starting'
                    ? 'Starting the backend…'
                    : 'Whitening… the first run also compiles the backend’s kernels.'}
              </p>
            )}
            <WhitenedCanvas image={s.display} />
          </div>
          <figcaption className="caption">
            {whitenedCaption(s.settings.iters)}
            <MeasurementLine measurement={s.measurement} payload={payload} />
          </figcaption>
        </figure>
        <figure className="panel figure kernels">
          <h2 className="panel-title">Deconvolution kernels</h2>
          {payload && <KernelGrid shape={payload.kernels.shape} data={payload.kernels.data} />}
          <figcaption className="caption">
            Centre positive, ring negative: a centre–surround filter, like retinal ganglion cells.
          </figcaption>
        </figure>
      </div>
      <WhiteningControls settings={s.settings} onChange={s.setSettings} />
      {payload && (
        <div className="stats-row">
          <HistogramPanel payload={payload} />
          <SpectrumPanel payload={payload} />
        </div>
      )}
      {dragging && <div className="drop-overlay">Drop the image to whiten it</div>}
    </section>
  );
}
