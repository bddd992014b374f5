import { describe, expect, it } from 'vitest';
import { writeTar } from './cifarFixtures';
import { looksLikeTar, readTarEntries } from './tar';

describe('readTarEntries', () => {
  it('lists regular files with their contents, skips directories, honours GNU long names', () => {
    const longName = `${'deep/'.repeat(30)}data_batch_1.bin`;
    const tar = writeTar([
      { name: 'dir/' },
      { name: 'dir/a.txt', data: new TextEncoder().encode('hello') },
      { name: longName, data: new Uint8Array(1000).fill(7) },
      { name: 'empty', data: new Uint8Array(0) },
    ]);
    expect(looksLikeTar(tar)).toBe(true);
    const entries = readTarEntries(tar);
    expect(entries.map((e) => e.name)).toEqual(['dir/a.txt', longName, 'empty']);
    expect(new TextDecoder().decode(entries[0].data)).toBe('hello');
    expect(entries[1].data.length).toBe(1000);
    expect(entries[1].data.every((b) => b === 7)).toBe(true);
    expect(entries[2].data.length).toBe(0);
  });

  it('rejects a damaged header, a cut-short archive and a missing end marker', () => {
    const tar = writeTar([
      { name: 'a.bin', data: new Uint8Array(2000) },
      { name: 'b.bin', data: new Uint8Array(10) },
    ]);
    const damaged = tar.slice();
    damaged[2560 + 3] ^= 0xff; // inside b.bin's header
    expect(() => readTarEntries(damaged)).toThrow(/damaged at byte 2560/);
    expect(() => readTarEntries(tar.subarray(0, 1500))).toThrow(/cut short: "a\.bin" needs 2000 bytes/);
    expect(() => readTarEntries(tar.subarray(0, 3584))).toThrow(/no end-of-archive marker/);
    expect(looksLikeTar(new TextEncoder().encode('just some text'.repeat(50)))).toBe(false);
  });
});
