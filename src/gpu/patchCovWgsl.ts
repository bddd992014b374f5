// WGSL for patch statistics straight from an NHWC tensor, never building the im2col matrix:
// every kernel recomputes a patch entry X[m, f] from (position m, feature f) on the fly.
// Feature order f = (dy * k + dx) * C + c, as in src/core/patchCovariance.ts.
import { ceilDiv, type ProgramSpec } from './program';

export interface PatchGeometry {
  kernel: number;
  samplingStride: number;
  pad: number;
  dilation: number;
}

const THREADS = 256;
const TILE = 32;
const CHUNK = 16;

const geometryKey = (g: PatchGeometry, channels: number) => `k${g.kernel}_s${g.samplingStride}_p${g.pad}_d${g.dilation}_c${channels}`;

/** Constants, sizes from the input's shape uniform, and the on-the-fly patch entry. */
function prelude(g: PatchGeometry, channels: number): string {
  return `
    const KS = ${g.kernel};
    const STRIDE = ${g.samplingStride};
    const PAD = ${g.pad};
    const DIL = ${g.dilation};
    const C = ${channels};
    const NF = ${g.kernel * g.kernel * channels};
    struct Grid { H : i32, W : i32, rows : i32, cols : i32, M : i32 };
    fn grid() -> Grid {
      let H = uniforms.xShape.y;
      let W = uniforms.xShape.z;
      let span = (KS - 1) * DIL + 1;
      let rows = (H + 2 * PAD - span + STRIDE) / STRIDE;
      let cols = (W + 2 * PAD - span + STRIDE) / STRIDE;
      return Grid(H, W, rows, cols, uniforms.xShape.x * rows * cols);
    }
    // X[m, f]: feature f of the m-th sampled patch (zero in the padding).
    fn patchValue(gr : Grid, m : i32, f : i32) -> f32 {
      let per = gr.rows * gr.cols;
      let b = m / per;
      let rem = m - b * per;
      let r = rem / gr.cols;
      let q = rem - r * gr.cols;
      let dy = f / (KS * C);
      let dx = (f / C) % KS;
      let c = f % C;
      let iy = r * STRIDE + dy * DIL - PAD;
      let ix = q * STRIDE + dx * DIL - PAD;
      if (iy < 0 || ix < 0 || iy >= gr.H || ix >= gr.W) { return 0.0; }
      return X[((b * gr.H + iy) * gr.W + ix) * C + c];
    }`;
}

/** X [B, H, W, C] -> mean [n]: one workgroup per feature sums over the sampled positions. */
export function patchMeanSpec(g: PatchGeometry, channels: number): ProgramSpec {
  const n = g.kernel * g.kernel * channels;
  return {
    shaderKey: `deconvPatchMean_${geometryKey(g, channels)}`,
    variableNames: ['X'],
    outputShape: [n],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [n, 1, 1],
    code: `
      ${prelude(g, channels)}
      var<workgroup> partial : array<f32, ${THREADS}>;
      fn main() {
        let gr = grid();
        let f = i32(workgroupId.x);
        var acc = 0.0;
        for (var m = i32(localIndex); m < gr.M; m = m + ${THREADS}) { acc = acc + patchValue(gr, m, f); }
        partial[localIndex] = acc;
        workgroupBarrier();
        for (var stride = ${THREADS / 2}u; stride > 0u; stride = stride >> 1u) {
          if (localIndex < stride) { partial[localIndex] = partial[localIndex] + partial[localIndex + stride]; }
          workgroupBarrier();
        }
        if (localIndex == 0u) { result[f] = partial[0] / f32(gr.M); }
      }`,
  };
}

/**
 * (X, Mean) -> cov [n, n] = (X - mean)^T (X - mean) / M. Tiled like a matrix product over the
 * positions; only tiles on or above the diagonal run, each writing its mirror image too.
 */
export function patchCovarianceSpec(g: PatchGeometry, channels: number): ProgramSpec {
  const n = g.kernel * g.kernel * channels;
  const tiles = ceilDiv(n, TILE);
  return {
    shaderKey: `deconvPatchCov_${geometryKey(g, channels)}`,
    variableNames: ['X', 'Mean'],
    outputShape: [n, n],
    workgroupSize: [THREADS, 1, 1],
    dispatch: [(tiles * (tiles + 1)) / 2, 1, 1],
    code: `
      ${prelude(g, channels)}
      const TILES = ${tiles};
      var<workgroup> tileA : array<f32, ${TILE * CHUNK}>;
      var<workgroup> tileB : array<f32, ${TILE * CHUNK}>;
      fn centred(gr : Grid, m : i32, f : i32) -> f32 {
        if (m >= gr.M || f >= NF) { return 0.0; }
        return patchValue(gr, m, f) - Mean[f];
      }
      fn store(i : i32, j : i32, v : f32) {
        if (i < NF && j < NF) { result[i * NF + j] = v; result[j * NF + i] = v; }
      }
      fn main() {
        let gr = grid();
        // Upper-triangle tile (ti, tj), ti <= tj, from the linear workgroup index.
        var l = i32(workgroupId.x);
        var ti = 0;
        var rowLength = TILES;
        while (l >= rowLength) { l = l - rowLength; ti = ti + 1; rowLength = rowLength - 1; }
        let tj = ti + l;
        let tx = i32(localIndex % 16u);
        let ty = i32(localIndex / 16u);
        var acc00 = 0.0; var acc01 = 0.0; var acc10 = 0.0; var acc11 = 0.0;
        for (var m0 = 0; m0 < gr.M; m0 = m0 + ${CHUNK}) {
          for (var q = 0; q < ${(TILE * CHUNK) / THREADS}; q = q + 1) {
            let idx = i32(localIndex) + q * ${THREADS};
            tileA[idx] = centred(gr, m0 + idx % ${CHUNK}, ti * ${TILE} + idx / ${CHUNK});
            tileB[idx] = centred(gr, m0 + idx / ${TILE}, tj * ${TILE} + idx % ${TILE});
          }
          workgroupBarrier();
          for (var kk = 0; kk < ${CHUNK}; kk = kk + 1) {
            let a0 = tileA[ty * ${CHUNK} + kk];
            let a1 = tileA[(ty + 16) * ${CHUNK} + kk];
            let b0 = tileB[kk * ${TILE} + tx];
            let b1 = tileB[kk * ${TILE} + tx + 16];
            acc00 = acc00 + a0 * b0; acc01 = acc01 + a0 * b1;
            acc10 = acc10 + a1 * b0; acc11 = acc11 + a1 * b1;
          }
          workgroupBarrier();
        }
        let inv = 1.0 / f32(gr.M);
        let i0 = ti * ${TILE} + ty;
        let j0 = tj * ${TILE} + tx;
        store(i0, j0, acc00 * inv);
        store(i0, j0 + 16, acc01 * inv);
        store(i0 + 16, j0, acc10 * inv);
        store(i0 + 16, j0 + 16, acc11 * inv);
      }`,
  };
}

/**
 * dL/dX for cotangents GM (of the mean, [n]) and GC (of the covariance, [n, n]): for every
 * sampled patch m covering pixel (b, y, x, c) at feature f, add
 * (GM[f] + sum_j (X[m, j] - mean_j) (GC[j, f] + GC[f, j])) / M. `withCov` false skips the sum.
 */
export function patchStatsGradSpec(g: PatchGeometry, channels: number, xShape: number[], withCov: boolean): ProgramSpec {
  const size = xShape.reduce((a, b) => a * b, 1);
  const groups = ceilDiv(size, THREADS);
  const gx = Math.min(groups, 32768);
  return {
    shaderKey: `deconvPatchStatsGrad_${geometryKey(g, channels)}_${withCov ? 'cov' : 'mean'}`,
    variableNames: ['X', 'Mean', 'GM', 'GC'],
    outputShape: xShape,
    workgroupSize: [THREADS, 1, 1],
    dispatch: [gx, ceilDiv(groups, gx), 1],
    code: `
      ${prelude(g, channels)}
      fn main() {
        let gr = grid();
        let idx = i32((workgroupId.y * numWorkgroups.x + workgroupId.x) * ${THREADS}u + localIndex);
        if (idx >= uniforms.xShape.x * gr.H * gr.W * C) { return; }
        let c = idx % C;
        let ix = (idx / C) % gr.W;
        let iy = (idx / (C * gr.W)) % gr.H;
        let b = idx / (C * gr.W * gr.H);
        var acc = 0.0;
        for (var dy = 0; dy < KS; dy = dy + 1) {
          for (var dx = 0; dx < KS; dx = dx + 1) {
            let oy = iy + PAD - dy * DIL;
            let ox = ix + PAD - dx * DIL;
            if (oy < 0 || ox < 0 || oy % STRIDE != 0 || ox % STRIDE != 0) { continue; }
            let r = oy / STRIDE;
            let q = ox / STRIDE;
            if (r >= gr.rows || q >= gr.cols) { continue; }
            let m = (b * gr.rows + r) * gr.cols + q;
            let f = (dy * KS + dx) * C + c;
            var g = GM[f];
            ${
              withCov
                ? `for (var j = 0; j < NF; j = j + 1) {
              g = g + (patchValue(gr, m, j) - Mean[j]) * (GC[j * NF + f] + GC[f * NF + j]);
            }`
                : ''
            }
            acc = acc + g;
          }
        }
        result[idx] = acc / f32(gr.M);
      }`,
  };
}
