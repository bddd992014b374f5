// A direct NHWC convolution in WGSL for inputs with few channels (a grey or colour image, the
// first layer of every model): one invocation per output value, no workgroup memory, no barriers.
// tfjs's tiled matmul program pads such a short inner dimension (k·k·C = 9 for a grey 3x3) to its
// tile and synchronises the workgroup at every tile; on a software adapter (SwiftShader) that made
// the first layer of simple-cnn the slowest kernel of a training step (bench/README.md).
import { ceilDiv, type ProgramSpec } from './program';

/** The geometry of one convolution, as tfjs's `computeConv2DInfo` reports it. */
export interface DirectConvShape {
  batch: number;
  inHeight: number;
  inWidth: number;
  inChannels: number;
  outHeight: number;
  outWidth: number;
  outChannels: number;
  filterHeight: number;
  filterWidth: number;
  strideHeight: number;
  strideWidth: number;
  dilationHeight: number;
  dilationWidth: number;
  padTop: number;
  padLeft: number;
}

/** Inputs with fewer channels than this take the direct program; wider ones keep tfjs's vectorised path. */
export const DIRECT_CONV_MAX_CHANNELS = 3;
const THREADS = 256;
/** WebGPU guarantees 65535 workgroups per dimension; larger outputs spread over y. */
const MAX_GROUPS_X = 65535;

export function directConvSpec(s: DirectConvShape): ProgramSpec {
  const size = s.batch * s.outHeight * s.outWidth * s.outChannels;
  const groups = ceilDiv(size, THREADS);
  const gx = Math.min(groups, MAX_GROUPS_X);
  const key = [
    s.batch,
    s.inHeight,
    s.inWidth,
    s.inChannels,
    s.outHeight,
    s.outWidth,
    s.outChannels,
    s.filterHeight,
    s.filterWidth,
    s.strideHeight,
    s.strideWidth,
    s.dilationHeight,
    s.dilationWidth,
    s.padTop,
    s.padLeft,
  ].join('_');
  return {
    shaderKey: `deconvDirectConv_${key}`,
    variableNames: ['X', 'W'],
    outputShape: [s.batch, s.outHeight, s.outWidth, s.outChannels],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [gx, ceilDiv(groups, gx), 1],
    code: `
      fn main() {
        let index = (workgroupId.y * ${gx}u + workgroupId.x) * ${THREADS}u + localIndex;
        if (index >= ${size}u) { return; }
        let oc = index % ${s.outChannels}u;
        let pixel = index / ${s.outChannels}u;
        let ox = i32(pixel % ${s.outWidth}u);
        let rows = pixel / ${s.outWidth}u;
        let oy = i32(rows % ${s.outHeight}u);
        let b = rows / ${s.outHeight}u;
        var acc = 0.0;
        for (var ky = 0; ky < ${s.filterHeight}; ky++) {
          let iy = oy * ${s.strideHeight} + ky * ${s.dilationHeight} - ${s.padTop};
          if (iy < 0 || iy >= ${s.inHeight}) { continue; }
          for (var kx = 0; kx < ${s.filterWidth}; kx++) {
            let ix = ox * ${s.strideWidth} + kx * ${s.dilationWidth} - ${s.padLeft};
            if (ix < 0 || ix >= ${s.inWidth}) { continue; }
            let xAt = ((b * ${s.inHeight}u + u32(iy)) * ${s.inWidth}u + u32(ix)) * ${s.inChannels}u;
            let wAt = u32(ky * ${s.filterWidth} + kx) * ${s.inChannels * s.outChannels}u + oc;
            for (var c = 0u; c < ${s.inChannels}u; c++) {
              acc += X[xAt + c] * W[wAt + c * ${s.outChannels}u];
            }
          }
        }
        result[index] = acc;
      }`,
  };
}
