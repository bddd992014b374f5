import { useEffect, useState } from 'react';

export interface Sample {
  file: string;
  title: string;
  credit: string;
}

const SAMPLES_DIR = 'samples/';

export function sampleUrl(file: string): string {
  return `${SAMPLES_DIR}${file}`;
}

function isSample(value: unknown): value is Sample {
  const v = value as Partial<Sample> | null;
  return typeof v?.file === 'string' && typeof v.title === 'string' && typeof v.credit === 'string';
}

/** The shipped sample photos (public/samples/index.json); empty while loading or if missing. */
export function useSamples(): Sample[] {
  const [samples, setSamples] = useState<Sample[]>([]);
  useEffect(() => {
    let live = true;
    fetch(`${SAMPLES_DIR}index.json`)
      .then((r) => (r.ok ? r.json() : []))
      .then((list: unknown) => {
        if (live && Array.isArray(list)) setSamples(list.filter(isSample));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return samples;
}
