import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults: every backend, 3 repetitions, Node runs the WGSL kernel groups only, bundle and paint on', () => {
    const a = parseArgs([]);
    expect(a.options).toEqual({ backends: ['webgpu', 'webgl', 'cpu'], full: false, maxReps: 3, budgetMsPerCase: 8000 });
    expect(a.nodeBackends).toEqual(['wasm', 'webgpu', 'cpu']);
    expect(a.nodeGroups).toEqual(['isqrt_fused_vs_composed', 'covariance_fused_vs_im2col']);
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
    expect(b.nodeGroups).toEqual(['whiten_512']);
    expect(b.bundle).toBe(false);
  });

  it('wasm is a Node backend: --backends=wasm runs Node only; with cpu, cpu runs in both', () => {
    const a = parseArgs(['--backends=wasm', '--groups=deconv_step_vs_bn_step']);
    expect([a.options.backends, a.nodeBackends, a.browser, a.node]).toEqual([[], ['wasm'], false, true]);
    const b = parseArgs(['--backends=cpu,wasm']);
    expect([b.options.backends, b.nodeBackends]).toEqual([['cpu'], ['cpu', 'wasm']]);
  });

  it('rejects unknown flags, backends and groups with the list of valid ones', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown flag\(s\): --fast/);
    expect(() => parseArgs(['--backends=tpu'])).toThrow(/unknown backend\(s\): tpu \(expected webgpu, webgl, cpu, wasm\)/);
    expect(() => parseArgs(['--groups=whiten'])).toThrow(/unknown group\(s\): whiten \(known: isqrt_fused_vs_composed/);
  });
});
