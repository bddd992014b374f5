// Per-channel sums and central moments of an HWC array, with the float64 sums of pixelStats
// `channelStats` in the same order (so the same numbers): one strided pass per channel, or for three
// channels one interleaved pass with an accumulator each.

/** Sum of channel c (index order, as channelStats) and the largest |v| in it. */
export function channelSum(data: Float32Array, channels: number, c: number): { sum: number; maxAbs: number } {
  let sum = 0;
  let maxAbs = 0;
  for (let i = c; i < data.length; i += channels) {
    const v = data[i];
    sum += v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  return { sum, maxAbs };
}

/** channelSum of all three channels in one interleaved pass (each channel's sum in the same order). */
export function channelSums3(data: Float32Array): { sum: number; maxAbs: number }[] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < data.length; i += 3) {
    const v0 = data[i];
    const v1 = data[i + 1];
    const v2 = data[i + 2];
    s0 += v0;
    s1 += v1;
    s2 += v2;
    m0 = Math.max(m0, Math.abs(v0));
    m1 = Math.max(m1, Math.abs(v1));
    m2 = Math.max(m2, Math.abs(v2));
  }
  return [
    { sum: s0, maxAbs: m0 },
    { sum: s1, maxAbs: m1 },
    { sum: s2, maxAbs: m2 },
  ];
}

/** channelMoments of all three channels in one interleaved pass. */
export function channelMoments3(data: Float32Array, mean: number[]): { m2: number; m4: number }[] {
  const [a, b, c] = mean;
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let q0 = 0;
  let q1 = 0;
  let q2 = 0;
  for (let i = 0; i < data.length; i += 3) {
    const d0 = (data[i] - a) ** 2;
    const d1 = (data[i + 1] - b) ** 2;
    const d2 = (data[i + 2] - c) ** 2;
    p0 += d0;
    p1 += d1;
    p2 += d2;
    q0 += d0 * d0;
    q1 += d1 * d1;
    q2 += d2 * d2;
  }
  return [
    { m2: p0, m4: q0 },
    { m2: p1, m4: q1 },
    { m2: p2, m4: q2 },
  ];
}

/** Central second and fourth moment sums of channel c. */
export function channelMoments(data: ArrayLike<number>, channels: number, c: number, mean: number): { m2: number; m4: number } {
  let m2 = 0;
  let m4 = 0;
  for (let i = c; i < data.length; i += channels) {
    const d2 = (data[i] - mean) ** 2;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { m2, m4 };
}
