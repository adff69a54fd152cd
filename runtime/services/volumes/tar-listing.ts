import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { BerthError, modeString, type VolumeEntry, type VolumeEntryType } from '../../api/index.js';

/** A tar header as tar-stream reads it: what a listing needs of it. */
export interface TarHeader {
  name: string;
  type?: string | null | undefined;
  size?: number | undefined;
  mode?: number | undefined;
  uid?: number | undefined;
  gid?: number | undefined;
  uname?: string | undefined;
  gname?: string | undefined;
  mtime?: Date | undefined;
  linkname?: string | null | undefined;
}

const entryTypes: Record<string, VolumeEntryType> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'directory',
  symlink: 'symlink',
  link: 'hardlink',
  fifo: 'fifo',
  'character-device': 'char-device',
  'block-device': 'block-device',
};

/**
 * One folder's entries from the tar the engine's archive API makes of it (`GET archive?path=
 * <folder>/.`: entries `./`, `./name`, `./name/below`, in the engine's walk order, a folder
 * before what it holds). Direct children become entries; everything deeper is added to its
 * top folder's `contentBytes` and `itemCount`. A hard link takes the size of the file it names
 * (an earlier entry, as tar writers put them), as `ls -l` shows it; a symbolic link's size is its
 * target's length, as `ls -l` shows it. Pure: fed one header at a time.
 */
export class FolderListing {
  private readonly entries: VolumeEntry[] = [];
  private readonly byName = new Map<string, VolumeEntry>();
  /** Sizes of the files seen, by their path in the archive, for hard links that name them. */
  private readonly fileSizes = new Map<string, number>();
  /** How many entries `take` has handed out. */
  private taken = 0;
  /** Where each folder entry is in `entries`. */
  private readonly positions = new Map<VolumeEntry, number>();
  /** Folders handed out whose totals grew since. */
  private readonly grown = new Set<VolumeEntry>();

  add(header: TarHeader): void {
    const path = header.name.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
    if (path === '' || path === '.') return; // the folder itself
    const type = entryTypes[header.type ?? 'file'] ?? 'other';
    if (header.type === 'pax-header' || header.type === 'pax-global-header' || header.type === 'gnu-long-path' || header.type === 'gnu-long-link-path') return;
    const linkPath = (header.linkname ?? '').replace(/^\.\//, '');
    let size = header.size ?? 0;
    if (type === 'file') this.fileSizes.set(path, size);
    if (type === 'hardlink') size = this.fileSizes.get(linkPath) ?? 0;
    if (type === 'symlink') size = Buffer.byteLength(header.linkname ?? '');
    const slash = path.indexOf('/');
    if (slash !== -1) {
      const top = this.byName.get(path.slice(0, slash));
      if (top !== undefined && top.type === 'directory') {
        top.itemCount = (top.itemCount ?? 0) + 1;
        if (type === 'file') top.contentBytes = (top.contentBytes ?? 0) + size;
        if ((this.positions.get(top) ?? 0) < this.taken) this.grown.add(top);
      }
      return;
    }
    const permissions = (header.mode ?? 0) & 0o7777;
    const entry: VolumeEntry = {
      name: path,
      type,
      sizeBytes: type === 'directory' ? 0 : size,
      mode: modeString(type, permissions),
      permissions,
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      user: header.uname ? header.uname : null,
      group: header.gname ? header.gname : null,
      modified: header.mtime ? Math.floor(header.mtime.getTime() / 1000) : 0,
      linkTarget: type === 'symlink' ? (header.linkname ?? '') : type === 'hardlink' ? linkPath : null,
      contentBytes: type === 'directory' ? 0 : null,
      itemCount: type === 'directory' ? 0 : null,
    };
    if (type === 'directory') this.positions.set(entry, this.entries.length);
    this.entries.push(entry);
    this.byName.set(path, entry);
  }

  result(): VolumeEntry[] {
    return this.entries;
  }

  /** Entries added since the last take. */
  get pendingCount(): number {
    return this.entries.length - this.taken;
  }

  /** Whether `take` has anything to hand out. */
  get hasNews(): boolean {
    return this.pendingCount > 0 || this.grown.size > 0;
  }

  /**
   * What is new since the last take, for a listing sent as it is read: the entries added (as
   * copies: their totals may still grow) and the folders taken earlier whose totals grew.
   */
  take(): { entries: VolumeEntry[]; folders: { name: string; contentBytes: number; itemCount: number }[] } {
    const entries = this.entries.slice(this.taken).map((entry) => ({ ...entry }));
    this.taken = this.entries.length;
    const folders = [...this.grown].map((folder) => ({ name: folder.name, contentBytes: folder.contentBytes ?? 0, itemCount: folder.itemCount ?? 0 }));
    this.grown.clear();
    return { entries, folders };
  }
}

/**
 * Reads a tar stream header by header, skipping every file's content (never held), and hands
 * each header to `onHeader`. Resolves at the archive's end; a stream that is no tar (or ends
 * inside one) rejects with tar-stream's words. Aborting `signal` destroys `source`.
 */
export function readTarHeaders(source: Readable, onHeader: (header: TarHeader) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const extract = tar.extract();
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onAbort = () => {
      source.destroy();
      extract.destroy();
      finish(new BerthError('cancelled', 'The request was cancelled.'));
    };
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    extract.on('entry', (header: TarHeader, body: Readable, next: () => void) => {
      try {
        onHeader(header);
      } catch (error) {
        source.destroy();
        extract.destroy();
        finish(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      body.on('end', next);
      body.resume();
    });
    extract.on('finish', () => finish());
    extract.on('error', (error: Error) => finish(error));
    source.on('error', (error: Error) => {
      extract.destroy();
      finish(error);
    });
    source.pipe(extract);
  });
}

/**
 * The names of the first `count` entries below the root of a folder's tar (`./a`, `./b/c` gives
 * `a`, `b/c`), reading no further: whether a volume is empty, and what it holds if not.
 */
export async function firstEntriesBelowRoot(source: Readable, count: number, signal?: AbortSignal): Promise<string[]> {
  const names: string[] = [];
  const enough = new AbortController();
  const stop = signal === undefined ? enough.signal : AbortSignal.any([signal, enough.signal]);
  try {
    await readTarHeaders(
      source,
      (header) => {
        const name = header.name.replace(/^\.\//, '').replace(/\/+$/, '');
        if (name === '' || name === '.') return;
        names.push(name);
        if (names.length >= count) enough.abort();
      },
      stop,
    );
  } catch (error) {
    if (!enough.signal.aborted) throw error;
  }
  return names;
}
