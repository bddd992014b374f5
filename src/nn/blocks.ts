// Channel block size rule of the reference (docs/algorithm.md §2): B clamps to C; when C % B != 0, B = gcd(B, C).
export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

export function resolveBlock(block: number, channels: number): number {
  if (!Number.isInteger(block) || block < 1) throw new Error(`block size must be a whole number >= 1, got ${block}`);
  if (block >= channels) return channels;
  return channels % block === 0 ? block : gcd(block, channels);
}
