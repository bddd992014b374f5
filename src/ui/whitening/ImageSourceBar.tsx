import { useRef } from 'react';
import { sampleUrl, type Sample } from './useSamples';

interface Props {
  samples: Sample[];
  /** File name of the sample on screen. */
  activeSample: string | null;
  onSample: (sample: Sample) => void;
  onFile: (file: File) => void;
  webcamActive: boolean;
  onWebcam: () => void;
}

/** Sample thumbnails, the upload button (drop and paste work on the whole view), the webcam switch. */
export function ImageSourceBar({ samples, activeSample, onSample, onFile, webcamActive, onWebcam }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className="source-bar">
      <ul className="thumbs" aria-label="Sample photos">
        {samples.map((s) => (
          <li key={s.file}>
            <button
              type="button"
              className="thumb"
              aria-pressed={activeSample === s.file}
              title={`${s.title}. ${s.credit}`}
              aria-label={`Sample: ${s.title}`}
              onClick={() => onSample(s)}
            >
              <img src={sampleUrl(s.file)} alt="" width={56} height={42} />
            </button>
          </li>
        ))}
      </ul>
      <div className="source-actions">
        <label className="button upload">
          Upload photo…
          <input
            ref={input}
            type="file"
            accept="image/*"
            className="visually-hidden"
            data-testid="image-upload"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) onFile(file);
              // Allow choosing the same file again.
              if (input.current) input.current.value = '';
            }}
          />
        </label>
        <span className="hint">or drop / paste an image</span>
        <button type="button" className="button" aria-pressed={webcamActive} onClick={onWebcam} data-testid="webcam-button">
          {webcamActive ? 'Stop webcam' : 'Webcam'}
        </button>
      </div>
    </div>
  );
}
