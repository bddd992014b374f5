/**
 * Test helpers: synthetic CIFAR-10 batches in the exact binary format, and a small ustar
 * writer to pack them like the official cifar-10-binary.tar.gz. Used by tests only.
 */
import { gzipSync } from 'fflate';
import { CIFAR_PLANE, CIFAR_RECORD_BYTES } from './cifarBatch';

/** The pixel value a synthetic record holds at (record, channel, plane position). */
export function syntheticPixel(record: number, channel: number, position: number, salt = 0): number {
  return (record * 7 + channel * 85 + position * 3 + salt) % 256;
}

/** A batch of `count` records; labels default to record % 10. */
export function makeCifarBatch(count: number, salt = 0, label: (record: number) => number = (r) => r % 10): Uint8Array {
  const bytes = new Uint8Array(count * CIFAR_RECORD_BYTES);
  for (let r = 0; r < count; r++) {
    const base = r * CIFAR_RECORD_BYTES;
    bytes[base] = label(r);
    for (let c = 0; c < 3; c++) {
      for (let p = 0; p < CIFAR_PLANE; p++) bytes[base + 1 + c * CIFAR_PLANE + p] = syntheticPixel(r, c, p, salt);
    }
  }
  return bytes;
}

function writeOctal(header: Uint8Array, offset: number, width: number, value: number): void {
  const digits = value.toString(8).padStart(width - 1, '0');
  for (let i = 0; i < width - 1; i++) header[offset + i] = digits.charCodeAt(i);
  header[offset + width - 1] = 0;
}

function writeText(header: Uint8Array, offset: number, value: string): void {
  for (let i = 0; i < value.length; i++) header[offset + i] = value.charCodeAt(i);
}

/** One ustar header block; `type` '0' is a regular file, '5' a directory, 'L' a GNU long name. */
function tarHeader(name: string, size: number, type: string): Uint8Array {
  const header = new Uint8Array(512);
  writeText(header, 0, name.slice(0, 100));
  writeOctal(header, 100, 8, type === '5' ? 0o755 : 0o644);
  writeOctal(header, 108, 8, 1000);
  writeOctal(header, 116, 8, 1000);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, 1244000000);
  header[156] = type.charCodeAt(0);
  writeText(header, 257, 'ustar\u000000');
  writeText(header, 148, '        ');
  const sum = header.reduce((s, b) => s + b, 0);
  writeOctal(header, 148, 7, sum);
  header[155] = 0x20;
  return header;
}

export interface TarInput {
  name: string;
  data?: Uint8Array; // absent: a directory entry
}

/** A tar archive with the entries, GNU long-name records for names over 100 chars, and the end marker. */
export function writeTar(entries: TarInput[]): Uint8Array {
  const blocks: Uint8Array[] = [];
  const pushData = (data: Uint8Array) => {
    const padded = new Uint8Array(Math.ceil(data.length / 512) * 512);
    padded.set(data);
    blocks.push(padded);
  };
  for (const entry of entries) {
    if (entry.name.length > 100) {
      const longName = new TextEncoder().encode(`${entry.name}\0`);
      blocks.push(tarHeader('././@LongLink', longName.length, 'L'));
      pushData(longName);
    }
    blocks.push(tarHeader(entry.name, entry.data?.length ?? 0, entry.data ? '0' : '5'));
    if (entry.data) pushData(entry.data);
  }
  blocks.push(new Uint8Array(1024));
  const out = new Uint8Array(blocks.reduce((s, b) => s + b.length, 0));
  let offset = 0;
  for (const block of blocks) {
    out.set(block, offset);
    offset += block.length;
  }
  return out;
}

/** Like the official archive: cifar-10-batches-bin/ with the batches, a meta file and a readme. */
export function makeCifarTarGz(batches: Record<string, Uint8Array>): Uint8Array {
  const dir = 'cifar-10-batches-bin/';
  const entries: TarInput[] = [
    { name: dir },
    { name: `${dir}batches.meta.txt`, data: new TextEncoder().encode('airplane\nautomobile\nbird\n') },
    ...Object.entries(batches).map(([name, data]) => ({ name: dir + name, data })),
    { name: `${dir}readme.html`, data: new TextEncoder().encode('<html></html>') },
  ];
  return gzipSync(writeTar(entries), { level: 1 });
}
