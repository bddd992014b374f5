// Float64 reference of the deconvolution layers in plain TypeScript (no tfjs), for tests:
// explicit im2col, centring, whitening of each patch by D, then the convolution. The matrix maths
// underneath is core/reference's.
import { addDiagonal } from '../../core/reference/matrix';
import { newtonSchulz64 } from '../../core/reference/matrixFunctions';
import { rowStatistics64 } from '../../core/reference/patches';
import type { BlockMode } from '../vocabulary';

export type Matrix = Float64Array[]; // rows

function rowsOf(flat: Float64Array, n: number): Matrix {
  return Array.from({ length: n }, (_, i) => flat.slice(i * n, (i + 1) * n));
}

export function meanCov(rows: Float64Array[]): { mean: Float64Array; cov: Matrix } {
  const { mean, cov } = rowStatistics64(rows);
  return { mean, cov: rowsOf(cov, mean.length) };
}

/** D = (cov + eps·I)^(-1/2) by K Newton–Schulz steps, the iteration of the layers. */
export function whiten64(cov: Matrix, eps: number, iters: number): Matrix {
  const n = cov.length;
  const flat = new Float64Array(n * n);
  cov.forEach((row, i) => flat.set(row, i * n));
  return rowsOf(newtonSchulz64(addDiagonal(flat, n, eps), n, iters).isqrt, n);
}

export interface Image64 {
  data: Float64Array;
  shape: [number, number, number, number]; // N, H, W, C
}

/** Patch at output (oy, ox) of image b on a grid of step `stride`, channels [c0, c0 + cb), zero padding `pad`. */
function patchAt(
  x: Image64,
  b: number,
  oy: number,
  ox: number,
  k: number,
  pad: number,
  stride: number,
  c0: number,
  cb: number,
): Float64Array {
  const [, h, w, c] = x.shape;
  const out = new Float64Array(k * k * cb);
  for (let dy = 0; dy < k; dy += 1) {
    for (let dx = 0; dx < k; dx += 1) {
      const iy = oy * stride + dy - pad;
      const ix = ox * stride + dx - pad;
      if (iy < 0 || ix < 0 || iy >= h || ix >= w) continue;
      for (let cc = 0; cc < cb; cc += 1) out[(dy * k + dx) * cb + cc] = x.data[((b * h + iy) * w + ix) * c + c0 + cc];
    }
  }
  return out;
}

export interface DeconvConv64Options {
  k: number;
  pad: number;
  stride: number;
  samplingStride: number;
  eps: number;
  iters: number;
  block: number;
  blockMode: BlockMode;
}

/** Whitening statistics of each block (pooled: one entry shared by all blocks). */
function convStatistics64(x: Image64, o: DeconvConv64Options): { mean: Float64Array; d: Matrix }[] {
  const [n, h, w, c] = x.shape;
  const groups = c / o.block;
  const outH = h + 2 * o.pad - o.k + 1;
  const outW = w + 2 * o.pad - o.k + 1;
  const s = o.samplingStride * o.stride;
  const rowsOf = (g: number): Float64Array[] => {
    const rows: Float64Array[] = [];
    for (let b = 0; b < n; b += 1)
      for (let oy = 0; oy < outH; oy += s)
        for (let ox = 0; ox < outW; ox += s) rows.push(patchAt(x, b, oy, ox, o.k, o.pad, 1, g * o.block, o.block));
    return rows;
  };
  const stats = (rows: Float64Array[]): { mean: Float64Array; d: Matrix } => {
    const { mean, cov } = meanCov(rows);
    return { mean, d: whiten64(cov, o.eps, o.iters) };
  };
  if (o.blockMode === 'pooled') {
    // Blocks are stacked along the batch axis, so rows come block by block.
    const rows = Array.from({ length: groups }, (_, g) => rowsOf(g)).flat();
    return [stats(rows)];
  }
  return Array.from({ length: groups }, (_, g) => stats(rowsOf(g)));
}

/** y = Σ_blocks W_g · D_g (p_g - mean_g) + b at every output position; W is [k,k,C,out] row-major. */
export function deconvConv64(x: Image64, weight: Float64Array, bias: Float64Array, o: DeconvConv64Options): Image64 {
  const [n, h, w, c] = x.shape;
  const out = bias.length;
  const groups = c / o.block;
  const stats = convStatistics64(x, o);
  const outH = Math.floor((h + 2 * o.pad - o.k) / o.stride) + 1;
  const outW = Math.floor((w + 2 * o.pad - o.k) / o.stride) + 1;
  const np = o.k * o.k * o.block;
  const y = new Float64Array(n * outH * outW * out);
  for (let b = 0; b < n; b += 1) {
    for (let oy = 0; oy < outH; oy += 1) {
      for (let ox = 0; ox < outW; ox += 1) {
        const base = ((b * outH + oy) * outW + ox) * out;
        for (let co = 0; co < out; co += 1) y[base + co] = bias[co];
        for (let g = 0; g < groups; g += 1) {
          const { mean, d } = stats[o.blockMode === 'pooled' ? 0 : g];
          const p = patchAt(x, b, oy, ox, o.k, o.pad, o.stride, g * o.block, o.block);
          for (let i = 0; i < np; i += 1) {
            let white = 0;
            for (let j = 0; j < np; j += 1) white += d[i][j] * (p[j] - mean[j]);
            const tap = Math.floor(i / o.block);
            const ch = g * o.block + (i % o.block);
            for (let co = 0; co < out; co += 1) y[base + co] += white * weight[(tap * c + ch) * out + co];
          }
        }
      }
    }
  }
  return { data: y, shape: [n, outH, outW, out] };
}

/** Delinear reference: x [batch, F] row-major, W [F, out]. */
export function delinear64(
  x: Float64Array,
  batch: number,
  weight: Float64Array,
  bias: Float64Array,
  block: number,
  eps: number,
  iters: number,
  blockMode: BlockMode,
): Float64Array {
  const features = x.length / batch;
  const out = bias.length;
  const groups = features / block;
  const chunk = (b: number, g: number): Float64Array => x.slice(b * features + g * block, b * features + (g + 1) * block);
  const statsOf = (gs: number[]) => {
    const rows = gs.flatMap((g) => Array.from({ length: batch }, (_, b) => chunk(b, g)));
    const { mean, cov } = meanCov(rows);
    return { mean, d: whiten64(cov, eps, iters) };
  };
  const all = Array.from({ length: groups }, (_, g) => g);
  const stats = blockMode === 'pooled' ? [statsOf(all)] : all.map((g) => statsOf([g]));
  const y = new Float64Array(batch * out);
  for (let b = 0; b < batch; b += 1) {
    for (let co = 0; co < out; co += 1) y[b * out + co] = bias[co];
    for (let g = 0; g < groups; g += 1) {
      const { mean, d } = stats[blockMode === 'pooled' ? 0 : g];
      const p = chunk(b, g);
      for (let i = 0; i < block; i += 1) {
        let white = 0;
        for (let j = 0; j < block; j += 1) white += d[i][j] * (p[j] - mean[j]);
        for (let co = 0; co < out; co += 1) y[b * out + co] += white * weight[(g * block + i) * out + co];
      }
    }
  }
  return y;
}
