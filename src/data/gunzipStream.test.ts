import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { gunzipWithProgress } from './gunzipStream';

const original = Uint8Array.from({ length: 5_000_000 }, (_, i) => (i * 31 + (i >> 10)) % 251);
const gz = gzipSync(original, { level: 1 });

describe.each(['native', 'fflate'] as const)('gunzipWithProgress (%s)', (engine) => {
  it('restores the bytes and reports rising progress to 1', async () => {
    const progress: number[] = [];
    const out = await gunzipWithProgress(gz, (f) => progress.push(f), engine);
    expect(out.length).toBe(original.length);
    expect(Buffer.compare(Buffer.from(out), Buffer.from(original))).toBe(0);
    expect(progress[progress.length - 1]).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1])).toBe(true);
  });

  it('rejects truncated and garbage input', async () => {
    await expect(gunzipWithProgress(gz.subarray(0, gz.length >> 1), undefined, engine)).rejects.toThrow(/damaged or cut short/);
    const garbage = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(gunzipWithProgress(garbage, undefined, engine)).rejects.toThrow(/damaged or cut short|cut short/);
  });
});
