// Large-n Newton–Schulz on the GPU: per step one dispatch for T = 1.5 I - 0.5 Z Y and one for
// (Y T, T Z) together; the backward pass recomputes the forward trajectory, then walks it back
// with two dispatches per step (reverse mode through the unrolled iteration).
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend } from '@tensorflow/tfjs-backend-webgpu';
import { runProgram, type ProgramSpec } from './program';
import { tiledProductsSpec, type Operand, type OutputSpec } from './tiledProductsWgsl';
import { dotsSpec, finishSpec, gradFinishSpec, initSpec, normSpec, seedSpec } from './isqrtTiledHelpersWgsl';

const op = (input: number, slot: number, transpose = false): Operand => ({ input, slot, transpose });
const single = (terms: OutputSpec['terms'], identity = 0): OutputSpec => ({ terms, identity });

// Stacked layouts: YZ = (Y, Z), G = (dY, dZ); T and DT are single matrices.
const T_OF_YZ: OutputSpec[] = [single([{ a: op(0, 1), b: op(0, 0), coef: -0.5 }], 1.5)];
const STEP_YZ_T: OutputSpec[] = [single([{ a: op(0, 0), b: op(1, 0), coef: 1 }]), single([{ a: op(1, 0), b: op(0, 1), coef: 1 }])];
// dT = Y^T dY' + dZ' Z^T, inputs (YZ, G).
const DT_OF: OutputSpec[] = [
  single([
    { a: op(0, 0, true), b: op(1, 0), coef: 1 },
    { a: op(1, 1), b: op(0, 1, true), coef: 1 },
  ]),
];
// dY = dY' T^T - 0.5 Z^T dT, dZ = T^T dZ' - 0.5 dT Y^T, inputs (G, T, YZ, DT).
const G_STEP: OutputSpec[] = [
  single([
    { a: op(0, 0), b: op(1, 0, true), coef: 1 },
    { a: op(2, 1, true), b: op(3, 0), coef: -0.5 },
  ]),
  single([
    { a: op(1, 0, true), b: op(0, 1), coef: 1 },
    { a: op(3, 0), b: op(2, 0, true), coef: -0.5 },
  ]),
];

class Runner {
  private readonly temporaries: TensorInfo[] = [];
  constructor(private readonly backend: WebGPUBackend) {}
  run(spec: ProgramSpec, inputs: TensorInfo[], keep = false): TensorInfo {
    const out = runProgram(this.backend, spec, inputs);
    if (!keep) this.temporaries.push(out);
    return out;
  }
  disposeTemporaries(): void {
    for (const t of this.temporaries) this.backend.disposeData(t.dataId);
  }
}

interface Trajectory {
  norm: TensorInfo;
  /** YZ_0 .. YZ_K */
  yz: TensorInfo[];
  /** T_0 .. T_{K-1} */
  t: TensorInfo[];
}

function trajectory(r: Runner, a: TensorInfo, batch: number, n: number, iters: number): Trajectory {
  const norm = r.run(normSpec(batch), [a]);
  const yz = [r.run(initSpec(batch, n), [a, norm])];
  const t: TensorInfo[] = [];
  for (let i = 0; i < iters; i += 1) {
    t.push(r.run(tiledProductsSpec(['YZ'], batch, n, T_OF_YZ), [yz[i]]));
    yz.push(r.run(tiledProductsSpec(['YZ', 'T'], batch, n, STEP_YZ_T), [yz[i], t[i]]));
  }
  return { norm, yz, t };
}

/** A [B, n, n] -> stacked [2, B, n, n] = (A^(-1/2), A^(1/2)). */
export function tiledIsqrtForward(backend: WebGPUBackend, a: TensorInfo, iters: number): TensorInfo {
  const [batch, n] = a.shape;
  const r = new Runner(backend);
  const path = trajectory(r, a, batch, n, iters);
  const out = r.run(finishSpec(batch, n), [path.yz[iters], path.norm], true);
  r.disposeTemporaries();
  return out;
}

/** dL/dA for the stacked outputs' cotangents GI = dL/dIsqrt and GS = dL/dSqrt. */
export function tiledIsqrtBackward(backend: WebGPUBackend, a: TensorInfo, gi: TensorInfo, gs: TensorInfo, iters: number): TensorInfo {
  const [batch, n] = a.shape;
  const r = new Runner(backend);
  const path = trajectory(r, a, batch, n, iters);
  let g = r.run(seedSpec(batch, n), [gi, gs, path.norm]);
  for (let i = iters - 1; i >= 0; i -= 1) {
    const dt = r.run(tiledProductsSpec(['YZ', 'G'], batch, n, DT_OF), [path.yz[i], g]);
    g = r.run(tiledProductsSpec(['G', 'T', 'YZ', 'DT'], batch, n, G_STEP), [g, path.t[i], path.yz[i], dt]);
  }
  const dots = r.run(dotsSpec(batch), [g, a, gi, path.yz[iters], gs]);
  const grad = r.run(gradFinishSpec(batch, n), [g, a, path.norm, dots], true);
  r.disposeTemporaries();
  return grad;
}
