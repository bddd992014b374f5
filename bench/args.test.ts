import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

const KERNEL_GROUPS = ['isqrt_fused_vs_composed', 'covariance_fused_vs_im2col'];
const STEP_GROUPS = ['deconv_step_vs_bn_step', 'step_wasm_vs_other'];

describe('parseArgs', () => {
  it('defaults: every backend in the browser; in Node Dawn webgpu for the WGSL kernels, wasm + cpu for the steps', () => {
    const a = parseArgs([]);
    expect(a.options).toEqual({ backends: ['webgpu', 'webgl', 'wasm', 'cpu'], full: false, maxReps: 3, budgetMsPerCase: 8000 });
    expect(a.nodeRuns).toEqual([
      { backends: ['webgpu'], groups: KERNEL_GROUPS },
      { backends: ['wasm', 'cpu'], groups: STEP_GROUPS },
    ]);
    expect([a.browser, a.node, a.bundle, a.paint, a.responsiveness]).toEqual([true, true, true, true, true]);
  });

  it('splits runner-only groups from suite groups', () => {
    const a = parseArgs(['--groups=bundle_initial_kb_gz', '--no-node']);
    expect(a.browser).toBe(false);
    expect(a.node).toBe(false);
    expect(a.bundle).toBe(true);
    expect(a.paint).toBe(false);
    expect(a.responsiveness).toBe(false);
    const r = parseArgs(['--groups=training_responsiveness', '--backends=cpu']);
    expect([r.browser, r.node, r.bundle, r.paint, r.responsiveness]).toEqual([false, false, true, false, true]);
    const b = parseArgs(['--groups=whiten_512', '--backends=webgl,cpu', '--reps=5', '--full']);
    expect(b.options).toMatchObject({ groups: ['whiten_512'], backends: ['webgl', 'cpu'], maxReps: 5, full: true });
    expect(b.nodeRuns).toEqual([{ backends: ['cpu'], groups: ['whiten_512'] }]);
    expect(b.bundle).toBe(false);
  });

  it('wasm runs in both: the requested Node backends keep their groups split, or share the requested ones', () => {
    const a = parseArgs(['--backends=wasm,cpu', '--no-browser']);
    expect([a.browser, a.node, a.bundle]).toEqual([false, true, false]);
    expect(a.nodeRuns).toEqual([{ backends: ['wasm', 'cpu'], groups: STEP_GROUPS }]);
    const b = parseArgs(['--backends=wasm,webgl,cpu', '--groups=deconv_step_vs_bn_step,step_wasm_vs_other', '--no-node']);
    expect(b.options).toMatchObject({ backends: ['wasm', 'webgl', 'cpu'], groups: STEP_GROUPS });
    expect([b.browser, b.node]).toEqual([true, false]);
    expect(b.nodeRuns).toEqual([{ backends: ['wasm', 'cpu'], groups: STEP_GROUPS }]);
    const c = parseArgs(['--backends=webgl']);
    expect([c.browser, c.node, c.nodeRuns]).toEqual([true, false, []]);
    const full = parseArgs(['--full']);
    expect(full.nodeRuns).toHaveLength(1);
    expect(full.nodeRuns[0].backends).toEqual(['wasm', 'webgpu', 'cpu']);
    expect(full.nodeRuns[0].groups).toContain('step_wasm_vs_other');
    expect(full.nodeRuns[0].groups).not.toContain('first_paint');
  });

  it('rejects unknown flags, backends and groups with the list of valid ones', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown flag\(s\): --fast/);
    expect(() => parseArgs(['--backends=tpu'])).toThrow(/unknown backend\(s\): tpu \(expected webgpu, webgl, wasm, cpu\)/);
    expect(() => parseArgs(['--groups=whiten'])).toThrow(/unknown group\(s\): whiten \(known: isqrt_fused_vs_composed/);
  });
});
