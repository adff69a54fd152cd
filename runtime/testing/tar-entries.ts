// Test-only: the entries of a tar file (ustar, as `docker save` writes it), to compare two
// archives by their content when their bytes may differ (see archive.int.test.ts).
// Why: two `docker save` calls of several images (Docker 20.10) may differ in the times of a
// layer the images share and in the order of the images in manifest.json.
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

/**
 * What an image archive holds, to compare two saves of the same images: every entry but its
 * time, and manifest.json read as its images in the order of their config (the order `docker
 * save` writes them in changes between calls).
 */
export function archiveContent(archive: Buffer): { entries: TarEntry[]; manifest: unknown[] } {
  const entries = tarEntries(archive);
  const manifestEntry = entries.find((entry) => entry.name === 'manifest.json');
  let manifest: unknown[] = [];
  if (manifestEntry !== undefined) {
    const start = offsetOf(archive, 'manifest.json');
    const parsed = JSON.parse(archive.toString('utf8', start, start + manifestEntry.size)) as { Config: string }[];
    manifest = [...parsed].sort((a, b) => a.Config.localeCompare(b.Config));
  }
  return { entries: entries.filter((entry) => entry !== manifestEntry), manifest };
}

/** manifest.json of a `docker save` archive as written, in its own order (one entry per image). */
export function manifestInOrder(archive: Buffer): { Config: string; RepoTags: string[] | null }[] {
  const entry = tarEntries(archive).find((candidate) => candidate.name === 'manifest.json');
  if (entry === undefined) throw new Error('no manifest.json in the archive');
  const start = offsetOf(archive, 'manifest.json');
  return JSON.parse(archive.toString('utf8', start, start + entry.size)) as { Config: string; RepoTags: string[] | null }[];
}

/** Where an entry's content starts. */
function offsetOf(archive: Buffer, wanted: string): number {
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const name = archive.toString('latin1', offset, offset + 100).replace(/\0.*$/s, '');
    const size = parseInt(archive.toString('latin1', offset + 124, offset + 136).replace(/\0.*$/s, '').trim() || '0', 8);
    if (name === wanted) return offset + 512;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`no ${wanted} in the archive`);
}
