// A float64 NHWC convolution in plain TypeScript, and float64 finite-difference gradients of
// L = sum(conv(x, W) * g) with respect to W and to x: the independent checks on the two backprop kernels.

export interface Conv64 {
  x: Float64Array;
  xShape: [number, number, number, number];
  k: number;
  cOut: number;
  stride: number;
  padTop: number;
  padLeft: number;
  outHeight: number;
  outWidth: number;
}

/** y[n, oy, ox, co] = sum x[n, oy*s + dy - top, ox*s + dx - left, ci] * w[dy, dx, ci, co] (zero outside). */
export function conv64(c: Conv64, w: Float64Array): Float64Array {
  const [n, h, wd, cin] = c.xShape;
  const { k, cOut, stride, padTop, padLeft, outHeight, outWidth } = c;
  const y = new Float64Array(n * outHeight * outWidth * cOut);
  for (let b = 0; b < n; b += 1)
    for (let oy = 0; oy < outHeight; oy += 1)
      for (let ox = 0; ox < outWidth; ox += 1) {
        const out = ((b * outHeight + oy) * outWidth + ox) * cOut;
        for (let dy = 0; dy < k; dy += 1) {
          const iy = oy * stride + dy - padTop;
          if (iy < 0 || iy >= h) continue;
          for (let dx = 0; dx < k; dx += 1) {
            const ix = ox * stride + dx - padLeft;
            if (ix < 0 || ix >= wd) continue;
            for (let ci = 0; ci < cin; ci += 1) {
              const xv = c.x[((b * h + iy) * wd + ix) * cin + ci];
              const wRow = ((dy * k + dx) * cin + ci) * cOut;
              for (let co = 0; co < cOut; co += 1) y[out + co] += xv * w[wRow + co];
            }
          }
        }
      }
  return y;
}

/** Central differences (step h) of L(W) = sum(conv64(W) * g) at `w`, every entry of W. */
export function filterGradientByDifferences(c: Conv64, w: Float64Array, g: Float64Array, h = 1e-3): Float64Array {
  const loss = (weights: Float64Array): number => {
    const y = conv64(c, weights);
    let sum = 0;
    for (let i = 0; i < y.length; i += 1) sum += y[i] * g[i];
    return sum;
  };
  const grad = new Float64Array(w.length);
  const probe = Float64Array.from(w);
  for (let i = 0; i < w.length; i += 1) {
    probe[i] = w[i] + h;
    const up = loss(probe);
    probe[i] = w[i] - h;
    const down = loss(probe);
    probe[i] = w[i];
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}

/** Central differences of L(x) = sum(conv64(x, W) * g) with respect to every entry of x (L is linear in x). */
export function inputGradientByDifferences(c: Conv64, w: Float64Array, g: Float64Array, h = 1e-3): Float64Array {
  const loss = (x: Float64Array): number => {
    const y = conv64({ ...c, x }, w);
    let sum = 0;
    for (let i = 0; i < y.length; i += 1) sum += y[i] * g[i];
    return sum;
  };
  const grad = new Float64Array(c.x.length);
  const probe = Float64Array.from(c.x);
  for (let i = 0; i < probe.length; i += 1) {
    probe[i] = c.x[i] + h;
    const up = loss(probe);
    probe[i] = c.x[i] - h;
    const down = loss(probe);
    probe[i] = c.x[i];
    grad[i] = (up - down) / (2 * h);
  }
  return grad;
}
