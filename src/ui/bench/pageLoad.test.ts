import { describe, expect, it } from 'vitest';
import { summariseInitialLoad, type ResourceEntryLike } from './pageLoad';

function entry(name: string, startTime: number, encoded: number, decoded: number, initiatorType = 'script'): ResourceEntryLike {
  return { name, initiatorType, startTime, encodedBodySize: encoded, decodedBodySize: decoded, transferSize: encoded + 300 };
}

const paints = [
  { name: 'first-paint', startTime: 120 },
  { name: 'first-contentful-paint', startTime: 135.5 },
];

describe('initial load figures', () => {
  it('counts scripts and stylesheets fetched before DOMContentLoaded, not later chunks or data', () => {
    const load = summariseInitialLoad(
      paints,
      [
        entry('http://x/assets/index-abc.js', 10, 100_000, 300_000),
        entry('http://x/assets/index-abc.css?v=1', 11, 5_000, 20_000, 'link'),
        entry('http://x/assets/WhiteningView-def.js', 12, 20_000, 60_000),
        entry('http://x/assets/TrainingView-lazy.js', 900, 50_000, 150_000),
        entry('http://x/data/mnist.bin', 20, 1_000, 1_000, 'fetch'),
      ],
      400,
    );
    expect(load.firstContentfulPaintMs).toBe(135.5);
    expect(load.scripts).toEqual({ count: 2, encodedBytes: 120_000, decodedBytes: 360_000, transferBytes: 120_600 });
    expect(load.styles).toEqual({ count: 1, encodedBytes: 5_000, decodedBytes: 20_000, transferBytes: 5_300 });
    expect(load.compressed).toBe(true);
  });
  it('says when the server sent the files uncompressed, and when no paint was recorded', () => {
    const load = summariseInitialLoad([], [entry('http://x/a.js', 1, 900, 900)], 100);
    expect(load.compressed).toBe(false);
    expect(load.firstContentfulPaintMs).toBeUndefined();
    expect(summariseInitialLoad([], [], 100).compressed).toBe(false);
  });
});
