// step_wasm_vs_other: which rows a timing completes (whatever the order of the backends), the target
// on the case only, and a real run of the mlp on wasm and the three cpu set-ups (tiny budget).
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, describe, expect, it } from 'vitest';
import { isOurKernel, uninstallKernel } from '../kernels/install';
import { registerFastKernels } from '../kernels/register';
import { useCpu, useWasm } from '../kernels/testing/backends';
import type { CaseContext } from './context';
import { StepTimes, type StepRecord } from './stepTiming';
import { TFJS_CONV2D_BACKEND } from './stepSetups';
import type { BenchBackend, BenchRow } from './types';
import { completedPairs, skipPairModel, wasmPairCases } from './wasmPairCases';

function record(backend: BenchBackend, setup: StepRecord['setup'], meanMs: number, model: StepRecord['model'] = 'simple-cnn'): StepRecord {
  return { backend, setup, model, norm: 'deconv', timing: { meanMs, steps: 3, firstMs: meanMs * 2 } };
}

/** Adds each record in turn, collecting the rows it completes. */
function play(records: StepRecord[]): BenchRow[] {
  const times = new StepTimes();
  return records.flatMap((r) => {
    times.add(r);
    return completedPairs(times, r);
  });
}

describe('step_wasm_vs_other rows', () => {
  it('a row per other backend and set-up, as soon as both figures exist, in either order', () => {
    const webgl = record('webgl', 'app', 400);
    const wasm = record('wasm', 'app', 200);
    const cpu = record('cpu', 'app', 7000);
    const original = record('cpu', 'tfjs-conv2d', 12000);
    const rows = play([webgl, wasm, cpu, original]);
    expect(rows.map((r) => [r.backend, r.label, r.ratio])).toEqual([
      ['webgl', 'simple-cnn batch 32, deconv step: webgl vs wasm', 2],
      ['cpu', 'simple-cnn batch 32, deconv step: cpu vs wasm', 35],
      ['cpu', 'simple-cnn batch 32, deconv step: cpu, tf.conv2d + tfjs filter gradient vs wasm', 60],
    ]);
    expect(play([cpu, original, webgl, wasm]).map((r) => r.ratio)).toEqual([35, 60, 2]);
    expect(rows[2].values.map((v) => v.label)).toEqual([
      'cpu, tf.conv2d + tfjs filter gradient step (mean)',
      'wasm step (mean)',
      'cpu, tf.conv2d + tfjs filter gradient first step',
      'wasm first step',
    ]);
    expect(rows[2].note).toMatch(/scalar-loop Conv2DBackpropFilter/);
  });

  it("carries the issue's target (>= 50x) on simple-cnn against tfjs's original filter gradient only", () => {
    const rows = play([
      record('wasm', 'app', 200),
      record('cpu', 'tfjs-kernels', 9000),
      record('cpu', 'tfjs-conv2d', 9000),
      record('wasm', 'app', 10, 'mlp'),
      record('cpu', 'tfjs-conv2d', 100, 'mlp'),
    ]);
    expect(rows.map((r) => [r.target, r.met])).toEqual([
      [undefined, undefined],
      ['>= 50x', false],
      [undefined, undefined],
    ]);
    expect(rows[0].label).toContain('cpu, tfjs kernels vs wasm');
  });

  it('leaves the big models out on cpu and the GPU backends by default, never on wasm', () => {
    expect(skipPairModel('vgg-mini', 'cpu', false)).toMatch(/--full/);
    expect(skipPairModel('resnet-mini', 'webgl', false)).toMatch(/--full/);
    expect(skipPairModel('simple-cnn', 'cpu', false)).toBeUndefined();
    expect(skipPairModel('resnet-mini', 'wasm', false)).toBeUndefined();
    expect(skipPairModel('vgg-mini', 'cpu', true)).toBeUndefined();
  });
});

describe('wasmPairCases (mlp, wasm then cpu)', () => {
  afterAll(async () => {
    await useCpu();
    for (const name of [tf.Conv2DBackpropFilter, tf.UnsortedSegmentSum]) uninstallKernel(name, 'cpu');
  });

  it('times wasm, then each cpu set-up, comparing every one with wasm; leaves the cpu as it was', async () => {
    const options = { backends: ['wasm', 'cpu'] as BenchBackend[], full: false, maxReps: 1, budgetMsPerCase: 1 };
    const times = new StepTimes();
    const rows: BenchRow[] = [];
    await useWasm();
    for await (const row of wasmPairCases({ backend: 'wasm', options, progress: () => {} } satisfies CaseContext, times, ['mlp']))
      rows.push(row);
    expect(rows).toEqual([]);
    await useCpu();
    registerFastKernels('cpu');
    const before = tf.memory().numTensors;
    for await (const row of wasmPairCases({ backend: 'cpu', options, progress: () => {} }, times, ['mlp'])) rows.push(row);
    expect(rows.map((r) => r.label)).toEqual([
      'mlp batch 32, deconv step: cpu vs wasm',
      'mlp batch 32, BN step: cpu vs wasm',
      'mlp batch 32, deconv step: cpu, tfjs kernels vs wasm',
      'mlp batch 32, BN step: cpu, tfjs kernels vs wasm',
      'mlp batch 32, deconv step: cpu, tf.conv2d + tfjs filter gradient vs wasm',
      'mlp batch 32, BN step: cpu, tf.conv2d + tfjs filter gradient vs wasm',
    ]);
    for (const row of rows) {
      expect(row.group).toBe('step_wasm_vs_other');
      expect(row.backend).toBe('cpu');
      expect(row.values.every((v) => Number.isFinite(v.value) && v.value > 0)).toBe(true);
      expect(row.ratio).toBeCloseTo(row.values[0].value / row.values[1].value, 10);
      expect(row.reps).toBe(1);
    }
    expect(tf.getBackend()).toBe('cpu');
    expect(tf.findBackendFactory(TFJS_CONV2D_BACKEND)).toBeFalsy();
    expect(isOurKernel(tf.UnsortedSegmentSum, 'cpu')).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports the models it leaves out once per backend, with the reason', async () => {
    const rows: BenchRow[] = [];
    const ctx: CaseContext = {
      backend: 'cpu',
      options: { backends: ['wasm', 'cpu'], full: false, maxReps: 1, budgetMsPerCase: 1 },
      progress: () => {},
    };
    for await (const row of wasmPairCases(ctx, new StepTimes(), ['vgg-mini'])) rows.push(row);
    expect(rows).toEqual([expect.objectContaining({ label: 'vgg-mini batch 32, every set-up of cpu', values: [], reps: 0 })]);
  });
});
