import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/data/dataset';
import { carveValidation } from './split';

function tiny(count: number): Dataset {
  // 2x1 images whose pixels and label encode the index, so every image can be traced.
  const images = new Uint8Array(count * 2);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i += 1) {
    images[2 * i] = i;
    images[2 * i + 1] = 255 - i;
    labels[i] = i % 10;
  }
  const test = { images: new Uint8Array([7, 7]), labels: new Uint8Array([3]), count: 1 };
  return {
    name: 'mnist',
    height: 1,
    width: 2,
    channels: 1,
    classes: Array.from({ length: 10 }, (_, i) => String(i)),
    train: { images, labels, count },
    test,
  };
}

describe('carveValidation', () => {
  it('splits the training images into disjoint train / validation parts covering all of them, test untouched', () => {
    const d = tiny(100);
    const { fit, validationIndices } = carveValidation(d, 20);
    expect(fit.test.count).toBe(20);
    expect(fit.train.count).toBe(80);
    const ids = (s: typeof fit.train): number[] => Array.from({ length: s.count }, (_, i) => s.images[2 * i]);
    const all = [...ids(fit.train), ...ids(fit.test)].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(ids(fit.test)).toEqual(Array.from(validationIndices));
    for (let i = 0; i < fit.train.count; i += 1) {
      const id = fit.train.images[2 * i];
      expect(fit.train.images[2 * i + 1]).toBe(255 - id);
      expect(fit.train.labels[i]).toBe(id % 10);
    }
    expect(d.test.count).toBe(1);
    expect(fit.test).not.toBe(d.test);
  });

  it('is the same for every call (fixed seed) and not the first images', () => {
    const a = carveValidation(tiny(100), 10).validationIndices;
    const b = carveValidation(tiny(100), 10).validationIndices;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('rejects sizes that leave nothing to train on', () => {
    expect(() => carveValidation(tiny(10), 10)).toThrow(/validation size/);
    expect(() => carveValidation(tiny(10), 0)).toThrow(/validation size/);
  });
});
