// A seeded, photo-like test image without any file: white noise smoothed by repeated box blurs
// (neighbouring pixels strongly correlated, as in natural images) plus a few hard-edged rectangles,
// the same on every backend and in Node and the browser. RGB in [0, 1], HWC.
import { mulberry32 } from '../core/mulberry32';
import type { ImageInput } from '../core/whitenInput';

function boxBlur(plane: Float32Array, side: number, radius: number): Float32Array {
  const out = new Float32Array(plane.length);
  const tmp = new Float32Array(plane.length);
  const width = 2 * radius + 1;
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      let sum = 0;
      for (let d = -radius; d <= radius; d += 1) sum += plane[y * side + Math.min(side - 1, Math.max(0, x + d))];
      tmp[y * side + x] = sum / width;
    }
  }
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      let sum = 0;
      for (let d = -radius; d <= radius; d += 1) sum += tmp[Math.min(side - 1, Math.max(0, y + d)) * side + x];
      out[y * side + x] = sum / width;
    }
  }
  return out;
}

export function syntheticPhoto(side: number, seed: number): ImageInput {
  const random = mulberry32(seed);
  const shared = Float32Array.from({ length: side * side }, () => random());
  let base: Float32Array = shared;
  for (const radius of [6, 3, 1]) base = boxBlur(base, side, radius);
  const rects = Array.from({ length: 12 }, () => ({
    x: Math.floor(random() * side),
    y: Math.floor(random() * side),
    w: Math.floor(random() * side * 0.3) + 4,
    h: Math.floor(random() * side * 0.3) + 4,
    tint: [random(), random(), random()],
  }));
  const data = new Float32Array(side * side * 3);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const p = y * side + x;
      const rect = rects.find((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
      for (let c = 0; c < 3; c += 1) {
        const texture = 0.5 + 4 * (base[p] - 0.5) + 0.02 * (random() - 0.5);
        const value = rect ? 0.5 * texture + 0.5 * rect.tint[c] : texture;
        data[p * 3 + c] = Math.min(1, Math.max(0, value));
      }
    }
  }
  return { data, height: side, width: side, channels: 3 };
}
