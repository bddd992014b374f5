import { describe, expect, it } from 'vitest';
import { defaultSelection, PANEL_GROUPS, parseBenchHash, selectionProblem, suiteOptions } from './benchOptions';

const all = { webgpu: true, webgl: true, cpu: true };
const cpuOnly = { webgpu: false, webgl: false, cpu: true };

describe('benchmark address options', () => {
  it('reads backends, groups and full from the hash', () => {
    const { selection, notices } = parseBenchHash('#/benchmark?backends=cpu,webgl&groups=whiten_512&full=1');
    expect(selection).toEqual({ backends: ['cpu', 'webgl'], groups: ['whiten_512'], full: true });
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
  it('has no options without a query', () => {
    expect(parseBenchHash('#/benchmark')).toEqual({ selection: {}, notices: [] });
  });
});

describe('benchmark selection', () => {
  it('defaults to the GPU backends that are available, else CPU', () => {
    expect(defaultSelection(all, {}).backends).toEqual(['webgpu', 'webgl']);
    expect(defaultSelection({ webgpu: false, webgl: true, cpu: true }, {}).backends).toEqual(['webgl']);
    expect(defaultSelection(cpuOnly, {}).backends).toEqual(['cpu']);
    expect(defaultSelection(cpuOnly, { backends: ['webgpu'] }).backends).toEqual(['cpu']);
    expect(defaultSelection(all, {}).groups).toEqual(PANEL_GROUPS.map((g) => g.id));
  });
  it('sends backends and groups in suite order, quick or full', () => {
    const quick = suiteOptions({ backends: ['cpu', 'webgpu'], groups: ['whiten_512', 'isqrt_fused_vs_composed'], full: false });
    expect(quick.backends).toEqual(['webgpu', 'cpu']);
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
});
