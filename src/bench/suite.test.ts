// The suite on the cpu backend with tiny budgets: row shape, group selection, cancellation and
// failures. No timing is asserted, only that times are positive finite numbers.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { layerCases } from './layerCases';
import { skipModel } from './stepCases';
import { BENCH_GROUPS, groupsFor, runSuite, type SuiteHooks } from './suite';
import type { BenchBackend, BenchRow, BenchSuiteOptions } from './types';

const tiny = (groups: string[], backends: BenchBackend[] = ['cpu']): BenchSuiteOptions => ({
  groups,
  backends,
  full: false,
  maxReps: 1,
  budgetMsPerCase: 1,
});

/** Hooks on the (already active) cpu backend that cancel once `stopAfter` rows have arrived. */
function hooks(stopAfter: number, streamed: BenchRow[] = []): SuiteHooks {
  return {
    useBackend: async (backend) => {
      if (backend !== 'cpu') throw new Error(`${backend} is not available in this test`);
      await tf.setBackend('cpu');
      return 'tfjs cpu (test)';
    },
    onRow: (row) => streamed.push(row),
    onProgress: () => {},
    cancelled: () => streamed.length >= stopAfter,
  };
}

function expectWellFormed(row: BenchRow): void {
  expect(BENCH_GROUPS.map((g) => g.id)).toContain(row.group);
  expect(row.label.length).toBeGreaterThan(0);
  expect(row.values.length).toBeGreaterThan(0);
  for (const v of row.values) {
    expect(Number.isFinite(v.value) && v.value > 0).toBe(true);
    expect(['ms', 'kB', 'MB', 'bytes']).toContain(v.unit);
  }
  expect(row.reps).toBeGreaterThanOrEqual(1);
  if (row.ratio !== undefined) {
    expect(row.ratio).toBeCloseTo(row.values[0].value / row.values[1].value, 10);
    expect(row.ratioMeaning).toBeTruthy();
  }
  if (row.target !== undefined) expect(typeof row.met).toBe('boolean');
}

describe('groupsFor', () => {
  it('keeps WebGPU-only groups off other backends and never runs the runner-only groups', () => {
    const all: BenchSuiteOptions = { backends: ['webgpu', 'cpu'], full: false, maxReps: 1, budgetMsPerCase: 1 };
    const cpu = groupsFor(all, 'cpu');
    const webgpu = groupsFor(all, 'webgpu');
    expect(cpu.has('isqrt_fused_vs_composed')).toBe(false);
    expect(webgpu.has('isqrt_fused_vs_composed')).toBe(true);
    expect(cpu.has('deconv_step_vs_bn_step') && webgpu.has('deconv_step_vs_bn_step')).toBe(true);
    expect(webgpu.has('bundle_initial_kb_gz')).toBe(false);
    expect([...groupsFor(tiny(['whiten_512']), 'cpu')]).toEqual(['whiten_512']);
  });

  it('runs the WASM comparison only when the run has wasm and another backend', () => {
    const pairs = ['step_wasm_vs_other'];
    expect([...groupsFor(tiny(pairs, ['wasm', 'cpu']), 'cpu')]).toEqual(pairs);
    expect([...groupsFor(tiny(pairs, ['webgl', 'wasm']), 'wasm')]).toEqual(pairs);
    expect(groupsFor(tiny(pairs, ['cpu']), 'cpu').size).toBe(0);
    expect(groupsFor(tiny(pairs, ['wasm']), 'wasm').size).toBe(0);
  });

  it('measures every model on wasm by default (vgg-mini and resnet-mini elsewhere with --full only)', () => {
    for (const model of ['mlp', 'simple-cnn', 'vgg-mini', 'resnet-mini'] as const) expect(skipModel(model, 'wasm', false)).toBeUndefined();
    expect(skipModel('vgg-mini', 'webgl', false)).toMatch(/--full/);
    expect(skipModel('simple-cnn', 'cpu', false)).toMatch(/--full/);
  });
});

describe('runSuite (cpu)', () => {
  it('streams rows as they are measured and stops between cases when cancelled', async () => {
    const streamed: BenchRow[] = [];
    const rows = await runSuite(tiny(['whiten_512', 'deconv_conv_vs_conv']), hooks(1, streamed));
    expect(rows).toEqual(streamed);
    expect(rows).toHaveLength(1);
  });

  it('measures whitening on the first backend without a ratio, and stops after one kernel size', async () => {
    const rows = await runSuite(tiny(['whiten_512']), hooks(1));
    expect(rows).toHaveLength(1);
    expectWellFormed(rows[0]);
    expect(rows[0]).toMatchObject({ group: 'whiten_512', backend: 'cpu' });
    expect(rows[0].ratio).toBeUndefined();
    expect(rows[0].label).toContain('k=3');
  });

  it('reports an unavailable backend as rows with a reason instead of failing the run', async () => {
    const rows = await runSuite(tiny(['whiten_512'], ['webgl']), hooks(99));
    expect(rows).toEqual([expect.objectContaining({ group: 'whiten_512', backend: 'webgl', values: [], reps: 0 })]);
    expect(rows[0].note).toMatch(/webgl unavailable: webgl is not available/);
  });

  it('says why the WASM comparison was not measured when the run cannot pair wasm', async () => {
    const rows = await runSuite(tiny(['step_wasm_vs_other']), hooks(99));
    expect(rows).toEqual([
      expect.objectContaining({ group: 'step_wasm_vs_other', label: 'not measured', backend: 'n/a', values: [], reps: 0 }),
    ]);
    expect(rows[0].note).toMatch(/wasm and at least one other backend/);
  });

  it('rejects unknown groups and a zero repetition count with a clear message', async () => {
    await expect(runSuite(tiny(['whiten512']), hooks(99))).rejects.toThrow(/unknown benchmark group\(s\): whiten512/);
    await expect(runSuite({ ...tiny(['whiten_512']), maxReps: 0 }, hooks(99))).rejects.toThrow(/maxReps/);
  });

  it('leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    await runSuite(tiny(['whiten_512']), hooks(1));
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('layerCases (cpu, tiny sizes)', () => {
  it('times deconv once and compares it with plain conv and conv + BN per channel count', async () => {
    const ctx = { backend: 'cpu' as const, options: { ...tiny([]), full: true }, progress: () => {} };
    const rows: BenchRow[] = [];
    const before = tf.memory().numTensors;
    for await (const row of layerCases(ctx, new Set(['deconv_conv_vs_conv', 'deconv_conv_vs_conv_bn']), {
      batch: 2,
      side: 6,
      channels: [4, 8],
    }))
      rows.push(row);
    expect(tf.memory().numTensors).toBe(before);
    expect(rows.map((r) => [r.group, r.label])).toEqual([
      ['deconv_conv_vs_conv', '2x6x6x4, k=3 same, 4 out'],
      ['deconv_conv_vs_conv_bn', '2x6x6x4, k=3 same, 4 out'],
      ['deconv_conv_vs_conv', '2x6x6x8, k=3 same, 8 out'],
      ['deconv_conv_vs_conv_bn', '2x6x6x8, k=3 same, 8 out'],
    ]);
    rows.forEach(expectWellFormed);
    // The deconvolution time is measured once per channel count and shared by both groups.
    expect(rows[0].values[0]).toEqual(rows[1].values[0]);
    expect(rows[0].values[1].label).toBe('plain conv');
    expect(rows[1].values[1].label).toBe('conv + BN');
  });

  it("reports the default run's skipped cases as rows with a reason", async () => {
    const ctx = { backend: 'cpu' as const, options: tiny([]), progress: () => {} };
    const rows: BenchRow[] = [];
    for await (const row of layerCases(ctx, new Set(['deconv_conv_vs_conv']), { batch: 2, side: 6, channels: [4] })) rows.push(row);
    expect(rows).toEqual([expect.objectContaining({ group: 'deconv_conv_vs_conv', values: [], reps: 0 })]);
    expect(rows[0].note).toMatch(/skipped on cpu.*--full/);
  });
});
