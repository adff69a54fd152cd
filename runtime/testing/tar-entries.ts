// Test-only: the entries of a tar file (ustar, as `docker save` writes it), to compare two
// archives by their content when their bytes may differ (see archive.int.test.ts).
import { createHash } from 'node:crypto';

export interface TarEntry {
  name: string;
  type: string;
  size: number;
  /** sha256 of the entry's content. */
  sha256: string;
}

/** Every entry, in order; their modification times left out (docker save does not keep them stable). */
export function tarEntries(archive: Buffer): TarEntry[] {
  const entries: TarEntry[] = [];
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const text = (start: number, length: number) => header.toString('latin1', start, start + length).replace(/\0.*$/s, '');
    const prefix = text(345, 155);
    const name = prefix === '' ? text(0, 100) : `${prefix}/${text(0, 100)}`;
    const size = parseInt(text(124, 12).trim() || '0', 8);
    const content = archive.subarray(offset + 512, offset + 512 + size);
    entries.push({ name, type: text(156, 1) || '0', size, sha256: createHash('sha256').update(content).digest('hex') });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}
