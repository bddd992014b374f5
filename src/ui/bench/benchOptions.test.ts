import { describe, expect, it } from 'vitest';
import type { BenchBackend } from '../../bench/types';
import { benchHash, defaultSelection, PANEL_GROUPS, parseBenchHash, selectionProblem, suiteOptions } from './benchOptions';

const all = { webgpu: true, webgl: true, wasm: true, cpu: true };
const cpuOnly = { webgpu: false, webgl: false, wasm: false, cpu: true };

describe('benchmark address options', () => {
  it('reads backends, groups and full from the hash', () => {
    const { selection, notices } = parseBenchHash('#/benchmark?backends=cpu,webgl&groups=whiten_512&full=1');
    expect(selection).toEqual({ backends: ['cpu', 'webgl'], groups: ['whiten_512'], full: true });
    expect(notices).toEqual([]);
  });
  it('knows wasm and the WASM comparison group', () => {
    const { selection, notices } = parseBenchHash('#/benchmark?backends=wasm,cpu&groups=step_wasm_vs_other,deconv_step_vs_bn_step');
    expect(selection).toEqual({ backends: ['wasm', 'cpu'], groups: ['step_wasm_vs_other', 'deconv_step_vs_bn_step'] });
    expect(notices).toEqual([]);
  });
  it('names what it ignored and keeps the rest', () => {
    const { selection, notices } = parseBenchHash('#/benchmark?backends=cuda,cpu,cpu&groups=nope');
    expect(selection).toEqual({ backends: ['cpu'] });
    expect(notices).toHaveLength(2);
    expect(notices[0]).toContain('cuda');
    expect(notices[1]).toContain('nope');
  });
  it('offers no runner-only group (bundle size, first paint)', () => {
    expect(PANEL_GROUPS.some((g) => g.backends === 'n/a')).toBe(false);
    expect(parseBenchHash('#/benchmark?groups=bundle_initial_kb_gz').selection.groups).toBeUndefined();
  });
  it('writes the address it reads', () => {
    const selection = { backends: ['wasm', 'cpu'] as BenchBackend[], groups: ['whiten_512'], full: true };
    expect(benchHash(selection)).toBe('#/benchmark?backends=wasm%2Ccpu&groups=whiten_512&full=1');
    expect(parseBenchHash(benchHash(selection))).toEqual({ selection, notices: [] });
    expect(parseBenchHash('#/benchmark?full=true').selection).toEqual({ full: true });
  });
  it('has no options without a query', () => {
    expect(parseBenchHash('#/benchmark')).toEqual({ selection: {}, notices: [] });
  });
});

describe('benchmark selection', () => {
  it('defaults to the GPU backends and WASM that are available, else CPU', () => {
    expect(defaultSelection(all, {}).backends).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(defaultSelection({ webgpu: false, webgl: true, wasm: false, cpu: true }, {}).backends).toEqual(['webgl']);
    expect(defaultSelection({ webgpu: false, webgl: false, wasm: true, cpu: true }, {}).backends).toEqual(['wasm']);
    expect(defaultSelection(cpuOnly, {}).backends).toEqual(['cpu']);
    expect(defaultSelection(cpuOnly, { backends: ['webgpu'] }).backends).toEqual(['cpu']);
    expect(defaultSelection(all, { backends: ['cpu', 'wasm'] }).backends).toEqual(['cpu', 'wasm']);
    expect(defaultSelection(all, {}).groups).toEqual(PANEL_GROUPS.map((g) => g.id));
  });
  it('sends backends and groups in suite order, quick or full', () => {
    const quick = suiteOptions({ backends: ['cpu', 'wasm', 'webgpu'], groups: ['whiten_512', 'isqrt_fused_vs_composed'], full: false });
    expect(quick.backends).toEqual(['webgpu', 'wasm', 'cpu']);
    expect(quick.groups).toEqual(['isqrt_fused_vs_composed', 'whiten_512']);
    expect(quick.full).toBe(false);
    const full = suiteOptions({ backends: ['cpu'], groups: ['whiten_512'], full: true });
    expect(full.full).toBe(true);
    expect(full.maxReps).toBeGreaterThan(quick.maxReps);
  });
  it('explains why it cannot run', () => {
    expect(selectionProblem({ backends: [], groups: ['whiten_512'], full: false })).toMatch(/backend/);
    expect(selectionProblem({ backends: ['cpu'], groups: [], full: false })).toMatch(/group/);
    expect(selectionProblem({ backends: ['cpu'], groups: ['isqrt_fused_vs_composed'], full: false })).toMatch(/WebGPU only/);
    expect(selectionProblem({ backends: ['cpu'], groups: ['whiten_512'], full: false })).toBeNull();
  });
  it('wants WASM and another backend for the WASM comparison alone', () => {
    const pair = (backends: BenchBackend[], groups = ['step_wasm_vs_other']) => selectionProblem({ backends, groups, full: false });
    expect(pair(['cpu'])).toMatch(/WASM and at least one more/);
    expect(pair(['wasm'])).toMatch(/WASM and at least one more/);
    expect(pair(['wasm', 'cpu'])).toBeNull();
    expect(pair(['webgl', 'wasm'])).toBeNull();
    expect(pair(['cpu'], ['step_wasm_vs_other', 'isqrt_fused_vs_composed'])).toMatch(/None of the chosen groups/);
    expect(pair(['cpu'], ['step_wasm_vs_other', 'whiten_512'])).toBeNull();
  });
});
