import { describe, expect, it } from 'vitest';
import { createModel } from '../createModel';
import { blockFor, defaultBlockReason, isModelName, MODEL_CATALOG, MODEL_LABELS, MODEL_NAMES, PAPER_BLOCK } from './catalog';
import { MODEL_BUILDERS } from './registry';

describe('model catalogue', () => {
  it('builds every model it lists, under its own name, and nothing else', () => {
    expect(Object.keys(MODEL_BUILDERS).sort()).toEqual([...MODEL_NAMES].sort());
    for (const name of MODEL_NAMES) {
      const model = createModel(name, 'none', [...MODEL_CATALOG[name].inputShape], 10);
      expect(model.name).toBe(name);
      model.dispose();
    }
  });

  it('gives every model a distinct label, a description and the datasets it fits', () => {
    const labels = MODEL_NAMES.map((name) => MODEL_LABELS[name]);
    expect(new Set(labels).size).toBe(labels.length);
    for (const name of MODEL_NAMES) {
      expect(MODEL_CATALOG[name].description.length).toBeGreaterThan(20);
      expect(MODEL_CATALOG[name].datasets.length).toBeGreaterThan(0);
    }
    expect(MODEL_LABELS['paper-mlp']).toBe("Paper's MNIST MLP (sigmoid, channel deconv)");
  });

  it('knows its names', () => {
    expect(isModelName('paper-mlp')).toBe(true);
    expect(isModelName('alexnet')).toBe(false);
    expect(isModelName('toString')).toBe(false);
    expect(() => createModel('alexnet' as never, 'none', [28, 28, 1], 10)).toThrow(/unknown model "alexnet"/);
  });

  it("gives every model a default block, the paper's unless a reason says why not; a named block wins", () => {
    expect(MODEL_NAMES.filter((m) => blockFor(m) !== PAPER_BLOCK)).toEqual(['mlp']);
    expect(blockFor('mlp')).toBe(32);
    expect(blockFor('mlp', 64)).toBe(64);
    expect(blockFor('simple-cnn', 0)).toBe(64);
    for (const name of MODEL_NAMES) expect(defaultBlockReason(name) !== undefined).toBe(blockFor(name) !== PAPER_BLOCK);
    expect(defaultBlockReason('mlp')).toMatch(/block 32/);
  });
});
