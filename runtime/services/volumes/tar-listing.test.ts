import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { firstEntriesBelowRoot, FolderListing, readTarHeaders } from './tar-listing.js';

// fixtures/docker-volume.tar is what Docker 20.10's archive API answered for `<volume>/.` of a
// volume holding a file owned by 1000:1000 with a set time, a hidden file, a symbolic link, a
// hard link, a name with spaces and non-ASCII text, a named pipe, a setuid folder and a sticky one.
const fixture = () => Readable.from(readFileSync(new URL('./fixtures/docker-volume.tar', import.meta.url)));

async function listingOf(source: Readable) {
  const listing = new FolderListing();
  await readTarHeaders(source, (header) => listing.add(header));
  return listing.result();
}

describe('a folder listed from the engine\'s archive', () => {
  it('has each direct child once, as ls -la shows it, with the folders below counted into their top folder', async () => {
    const entries = await listingOf(fixture());
    expect(entries.map((entry) => [entry.name, entry.type, entry.mode, entry.sizeBytes])).toEqual([
      ['.hidden', 'file', '-rw-r--r--', 0],
      ['a.txt', 'file', '-rw-r--r--', 6],
      ['hard', 'hardlink', '-rw-r--r--', 6],
      ['link', 'symlink', 'lrwxrwxrwx', 5],
      ['name with spaces.txt', 'file', '-rw-r--r--', 14],
      ['pipe', 'fifo', 'prw-r--r--', 0],
      ['sub', 'directory', 'drwsr-xr-x', 0],
    ]);
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    expect(byName.get('a.txt')).toMatchObject({ uid: 1000, gid: 1000, modified: Date.UTC(2024, 0, 2, 3, 4, 5) / 1000, linkTarget: null, contentBytes: null, itemCount: null });
    expect(byName.get('hard')?.linkTarget).toBe('a.txt');
    expect(byName.get('link')?.linkTarget).toBe('a.txt');
    // sub holds deep/ (sticky) and deep/f (2 bytes).
    expect(byName.get('sub')).toMatchObject({ permissions: 0o4755, contentBytes: 2, itemCount: 2 });
  });

  it('reads names longer than a tar header holds (pax), and skips what is not an entry', async () => {
    const pack = tarStream.pack();
    const long = `${'n'.repeat(150)}.log`;
    pack.entry({ name: './', type: 'directory', mode: 0o755 });
    pack.entry({ name: `./${long}`, mode: 0o640, uid: 7, gid: 8, uname: 'app', gname: 'staff' }, 'twelve bytes');
    pack.entry({ name: './dir/', type: 'directory', mode: 0o700 });
    pack.entry({ name: `./dir/${long}`, mode: 0o600 }, 'abc');
    pack.finalize();
    const entries = await listingOf(pack);
    expect(entries.map((entry) => entry.name)).toEqual([long, 'dir']);
    expect(entries[0]).toMatchObject({ sizeBytes: 12, user: 'app', group: 'staff', uid: 7, gid: 8, mode: '-rw-r-----' });
    expect(entries[1]).toMatchObject({ contentBytes: 3, itemCount: 1 });
  });

  it('rejects a stream that is no tar', async () => {
    await expect(listingOf(Readable.from([Buffer.alloc(1024, 'x')]))).rejects.toThrow(/tar header/i);
  });

  it('tells the first entries below the root without reading on', async () => {
    expect(await firstEntriesBelowRoot(fixture(), 3)).toEqual(['.hidden', 'a.txt', 'hard']);
    const empty = tarStream.pack();
    empty.entry({ name: './', type: 'directory' });
    empty.finalize();
    expect(await firstEntriesBelowRoot(empty, 3)).toEqual([]);
  });

  it('hands out what is new in takes: every entry once, and the folders sent earlier whose totals grew since', async () => {
    const listing = new FolderListing();
    const taken: ReturnType<FolderListing['take']>[] = [];
    // A take after every header, as a stream sends them (folder totals grow after the folder was sent).
    await readTarHeaders(fixture(), (header) => {
      listing.add(header);
      taken.push(listing.take());
    });
    expect(listing.hasNews).toBe(false);
    const whole = listing.result();
    expect(taken.flatMap((take) => take.entries.map((entry) => entry.name))).toEqual(whole.map((entry) => entry.name));
    // sub was sent before what it holds: its totals came as updates, the last equal to the whole listing's.
    const sentSub = taken.flatMap((take) => take.entries).find((entry) => entry.name === 'sub');
    expect(sentSub).toMatchObject({ contentBytes: 0, itemCount: 0 });
    const updates = taken.flatMap((take) => take.folders);
    expect(updates.map((folder) => folder.name)).toEqual(['sub', 'sub']);
    expect(updates.at(-1)).toEqual({ name: 'sub', contentBytes: 2, itemCount: 2 });
    // One take at the end: everything at once, no updates (the folder goes with its final totals).
    const atOnce = new FolderListing();
    await readTarHeaders(fixture(), (header) => atOnce.add(header));
    expect(atOnce.pendingCount).toBe(whole.length);
    const all = atOnce.take();
    expect(all.folders).toEqual([]);
    expect(all.entries.find((entry) => entry.name === 'sub')).toMatchObject({ contentBytes: 2, itemCount: 2 });
  });
});
