import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { BerthError } from '../../api/index.js';
import type { TarHeader } from './tar-listing.js';

/** The largest file a plain tar header can say the size of (11 octal digits); tar-stream writes no larger. */
const largestEntryBytes = 8 ** 11 - 1;

/**
 * An archive entry's name from the archive's root (`./a/b`, `/a/b` and `a/b` are `a/b`; the root
 * itself is ``), or null when it would leave the folder it is restored into (`..`). Pure.
 */
export function entryPathOf(name: string): string | null {
  const parts = name.split('/').filter((part) => part !== '' && part !== '.');
  return parts.includes('..') ? null : parts.join('/');
}

/**
 * Re-writes a tar stream with every entry moved under `prefix` (`./a` becomes `volume/a`, `./`
 * becomes `volume/`; hard links' targets too), streamed entry by entry (contents are passed on,
 * never held). Why: the engine's archive API applies the owner, mode and time of every entry it
 * extracts but the folder it extracts into, so a volume restored into its own mount point would
 * lose its root's owner (a database's volume is owned by its user); restored one level up, as
 * `volume/...`, the root's entry lands on the mount point and keeps them.
 *
 * Fails the stream (so the engine request) with `invalid_argument` on `file` for an entry that
 * would leave the volume (`..`), one too large to write, or data that is no tar.
 */
export function rebaseTar(source: Readable, prefix: string, label: string): Readable {
  const extract = tar.extract({ allowUnknownFormat: true });
  const pack = tar.pack();
  const fail = (message: string) => {
    const error = new BerthError('invalid_argument', `file: ${label}: ${message}`, { field: 'file' });
    source.unpipe(extract);
    extract.destroy();
    pack.destroy(error);
  };
  extract.on('entry', (header: TarHeader & { pax?: Record<string, string> | null }, body: Readable, next: (error?: unknown) => void) => {
    const path = entryPathOf(header.name);
    if (path === null) return fail(`the entry ${header.name} would leave the volume (..); nothing of it is restored.`);
    if ((header.size ?? 0) > largestEntryBytes) return fail(`the entry ${header.name} is larger than 8 GiB, which Berth cannot pass on.`);
    const moved: TarHeader & { pax?: Record<string, string> | null | undefined } = { ...header, name: path === '' ? `${prefix}/` : `${prefix}/${path}${header.type === 'directory' ? '/' : ''}` };
    if (header.type === 'link' && header.linkname) {
      const target = entryPathOf(header.linkname);
      if (target === null) return fail(`the hard link ${header.name} names ${header.linkname}, outside the volume.`);
      moved.linkname = `${prefix}/${target}`;
    }
    if (header.pax) {
      // The names come from the header above; what else the extended header says (times to the nanosecond, attributes) stays.
      const { path: _path, linkpath: _linkpath, size: _size, ...rest } = header.pax;
      moved.pax = Object.keys(rest).length > 0 ? rest : undefined;
    } else delete moved.pax;
    const entry = pack.entry(moved as tar.Headers, (error) => next(error));
    body.on('error', (error: Error) => entry.destroy(error));
    body.pipe(entry);
  });
  extract.on('finish', () => pack.finalize());
  extract.on('error', (error: Error) => fail(`the archive is damaged or is no tar (${error.message}).`));
  source.on('error', (error: Error) => pack.destroy(error));
  source.pipe(extract);
  return pack;
}
