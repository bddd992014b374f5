// A thin helper over the tfjs webgpu backend's custom-program interface. Programs here use their
// own indexing (workgroupId, localIndex) and the raw `result` / input arrays; the backend adds
// the bindings, the uniforms struct and the `_start` entry that calls our `main()`.
import type { TensorInfo } from '@tensorflow/tfjs-core';
import type { WebGPUBackend, WebGPUProgram } from '@tensorflow/tfjs-backend-webgpu';

export interface ProgramSpec {
  /** Must name every constant baked into `code`: pipelines are cached by this key, not by shape. */
  shaderKey: string;
  variableNames: string[];
  outputShape: number[];
  workgroupSize: [number, number, number];
  dispatch: [number, number, number];
  /** WGSL defining `fn main()`, plus any workgroup variables and helpers it needs. */
  code: string;
}

export function makeProgram(spec: ProgramSpec): WebGPUProgram {
  return {
    shaderKey: spec.shaderKey,
    variableNames: spec.variableNames,
    outputShape: spec.outputShape,
    workgroupSize: spec.workgroupSize,
    dispatch: spec.dispatch,
    // A y-only layout makes the backend call `main()` without a flat index; we index ourselves.
    dispatchLayout: { x: [], y: [0] },
    getUserCode: () => withEveryBindingUsed(spec.code, spec.variableNames),
  };
}

const MAIN_OPENING = /fn\s+main\s*\(\s*\)\s*\{/g;

/**
 * `code` with a use of the uniforms and of every input as the first statement of `main()`: every
 * binding must be used, or the 'auto' pipeline layout drops it and binding fails. Throws unless
 * `code` defines exactly one `fn main()` (any spacing), so a missed insertion cannot pass silently.
 */
export function withEveryBindingUsed(code: string, variableNames: readonly string[]): string {
  const openings = [...code.matchAll(MAIN_OPENING)];
  if (openings.length !== 1) {
    throw new Error(`WGSL program must define exactly one 'fn main()' with no parameters; found ${openings.length}`);
  }
  const uses = `\n  _ = uniforms.NAN;${variableNames.map((v) => ` _ = ${v}[0];`).join('')}`;
  const end = (openings[0].index ?? 0) + openings[0][0].length;
  return code.slice(0, end) + uses + code.slice(end);
}

export function runProgram(backend: WebGPUBackend, spec: ProgramSpec, inputs: TensorInfo[]): TensorInfo {
  return backend.runWebGPUProgram(makeProgram(spec), inputs, 'float32');
}

/** Contiguous slice `slot` of a stacked [slots, ...rest] result, as a tensor of shape `rest`. */
export function takeSlot(backend: WebGPUBackend, stacked: TensorInfo, slot: number): TensorInfo {
  const rest = stacked.shape.slice(1);
  const size = rest.reduce((a, b) => a * b, 1);
  const spec: ProgramSpec = {
    shaderKey: `deconvTakeSlot_${slot}_${size}`,
    variableNames: ['Src'],
    outputShape: rest,
    workgroupSize: [256, 1, 1],
    dispatch: [Math.ceil(size / 256), 1, 1],
    code: `
      fn main() {
        let i = workgroupId.x * 256u + localIndex;
        if (i < ${size}u) { result[i] = Src[${slot * size}u + i]; }
      }`,
  };
  return runProgram(backend, spec, [stacked]);
}

/** `ceil(a / b)` for positive integers. */
export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}
