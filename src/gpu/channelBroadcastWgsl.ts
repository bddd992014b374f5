// An element-wise Add, Sub or Multiply of a tensor with a per-channel vector (a bias, a batch-norm
// scale or mean) in WGSL: one invocation per element, the vector read straight from storage.
// tfjs stages such a small operand in workgroup memory behind a barrier; on a software adapter
// (SwiftShader) that made these adds 50x slower than a same-shape add (bench/README.md).
import { ceilDiv, type ProgramSpec } from './program';

export type ChannelOp = 'add' | 'sub' | 'mul';
const WGSL_OPERATOR: Record<ChannelOp, string> = { add: '+', sub: '-', mul: '*' };
const THREADS = 256;
const MAX_GROUPS_X = 65535;

/** `full op vector[channel]` (or `vector[channel] op full` when `vectorFirst`) over a tensor of `size` elements. */
export function channelBroadcastSpec(op: ChannelOp, outputShape: readonly number[], vectorFirst: boolean): ProgramSpec {
  const size = outputShape.reduce((a, b) => a * b, 1);
  const channels = outputShape[outputShape.length - 1];
  const groups = ceilDiv(size, THREADS);
  const gx = Math.min(groups, MAX_GROUPS_X);
  const [left, right] = vectorFirst ? ['V[index % C]', 'F[index]'] : ['F[index]', 'V[index % C]'];
  return {
    shaderKey: `deconvChannelBroadcast_${op}_${vectorFirst ? 'vf' : 'fv'}_${size}_${channels}_${gx}`,
    variableNames: ['F', 'V'],
    outputShape: [...outputShape],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [gx, ceilDiv(groups, gx), 1],
    code: `
      const C = ${channels}u;
      fn main() {
        let index = (workgroupId.y * ${gx}u + workgroupId.x) * ${THREADS}u + localIndex;
        if (index < ${size}u) { result[index] = ${left} ${WGSL_OPERATOR[op]} ${right}; }
      }`,
  };
}
