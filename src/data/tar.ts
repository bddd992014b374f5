/**
 * Minimal reader of tar archives (POSIX ustar, GNU and old-style headers) held in memory.
 * Entries are views into the archive, not copies. Regular files only; directories and links
 * are skipped. GNU long names ('L') and PAX 'path' records ('x') are honoured.
 */

const BLOCK = 512;

export class TarError extends Error {
  override name = 'TarError';
}

export interface TarEntry {
  name: string;
  data: Uint8Array;
}

const decoder = new TextDecoder();

function text(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return decoder.decode(end < 0 ? bytes : bytes.subarray(0, end));
}

/** Numeric header field: octal text, or base-256 when the top bit of the first byte is set. */
function numberField(bytes: Uint8Array): number {
  if (bytes[0] & 0x80) {
    let value = bytes[0] & 0x7f;
    for (let i = 1; i < bytes.length; i++) value = value * 256 + bytes[i];
    return value;
  }
  const digits = text(bytes).trim();
  return digits === '' ? 0 : parseInt(digits, 8);
}

/** True when the 512-byte block is a valid tar header (its checksum matches). */
export function isTarHeader(block: Uint8Array): boolean {
  if (block.length < BLOCK) return false;
  const stored = numberField(block.subarray(148, 156));
  if (!Number.isFinite(stored)) return false;
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i];
  return sum === stored && sum !== 8 * 0x20;
}

/** True when the bytes look like the start of a tar archive. */
export function looksLikeTar(bytes: Uint8Array): boolean {
  return isTarHeader(bytes.subarray(0, BLOCK));
}

function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < block.length; i++) if (block[i] !== 0) return false;
  return true;
}

function paxPath(data: Uint8Array): string | undefined {
  // Records are "<length> <key>=<value>\n".
  for (const record of decoder.decode(data).split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(record);
    if (match) return match[1];
  }
  return undefined;
}

export function readTarEntries(archive: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  let longName: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (isZeroBlock(header)) return entries; // end-of-archive marker
    if (!isTarHeader(header)) {
      throw new TarError(`the archive is damaged at byte ${offset} (bad tar header checksum)`);
    }
    const size = numberField(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = header[257] === 0x75 /* 'u'star */ ? text(header.subarray(345, 500)) : '';
    const baseName = text(header.subarray(0, 100));
    const dataStart = offset + BLOCK;
    if (dataStart + size > archive.length) {
      throw new TarError(
        `the archive is cut short: "${longName ?? baseName}" needs ${size} bytes, only ${archive.length - dataStart} remain`,
      );
    }
    const data = archive.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'L') {
      longName = text(data);
      continue;
    }
    if (type === 'x') {
      longName = paxPath(data) ?? longName;
      continue;
    }
    const name = longName ?? (prefix ? `${prefix}/${baseName}` : baseName);
    longName = undefined;
    if (type === '0' || type === '7') entries.push({ name, data });
  }
  throw new TarError('the archive is cut short (no end-of-archive marker)');
}
