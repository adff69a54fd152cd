import { describe, expect, it } from 'vitest';
import type { VolumeEntry } from '../../../runtime/api/index.js';
import { applyFolderEvent, newFolderRead } from './useFolderEntries.js';

const entry = (name: string, type: VolumeEntry['type'] = 'file'): VolumeEntry => ({
  name,
  type,
  sizeBytes: 1,
  mode: type === 'directory' ? 'drwxr-xr-x' : '-rw-r--r--',
  permissions: 0o755,
  uid: 0,
  gid: 0,
  user: null,
  group: null,
  modified: 0,
  linkTarget: null,
  contentBytes: type === 'directory' ? 0 : null,
  itemCount: type === 'directory' ? 0 : null,
});

describe('a folder read as it arrives', () => {
  it('appends entries in order, replaces a folder sent earlier with its grown totals, and ends at done', () => {
    const read = newFolderRead();
    expect(read.started).toBe(false);
    applyFolderEvent(read, { type: 'entries', entries: [entry('a'), entry('logs', 'directory')], folders: [] });
    const sentLogs = read.entries[1];
    applyFolderEvent(read, { type: 'entries', entries: [entry('z')], folders: [{ name: 'logs', contentBytes: 4096, itemCount: 3 }] });
    expect(read.started).toBe(true);
    expect(read.isDone).toBe(false);
    expect(read.entries.map((e) => e.name)).toEqual(['a', 'logs', 'z']);
    expect(read.entries[1]).toMatchObject({ contentBytes: 4096, itemCount: 3 });
    // A new object, so a memoised row sees the change; the one sent first is untouched.
    expect(read.entries[1]).not.toBe(sentLogs);
    expect(sentLogs).toMatchObject({ contentBytes: 0, itemCount: 0 });
    applyFolderEvent(read, { type: 'done', engineId: 'e', volume: 'v', path: '/', entryCount: 3 });
    expect(read.isDone).toBe(true);
  });

  it('an empty folder is started and done with no entries; an update for a folder never sent is ignored', () => {
    const read = newFolderRead();
    applyFolderEvent(read, { type: 'entries', entries: [entry('f')], folders: [{ name: 'unknown', contentBytes: 1, itemCount: 1 }] });
    expect(read.entries.map((e) => e.name)).toEqual(['f']);
    const empty = newFolderRead();
    applyFolderEvent(empty, { type: 'done', engineId: 'e', volume: 'v', path: '/', entryCount: 0 });
    expect(empty).toMatchObject({ started: true, isDone: true, entries: [] });
  });
});
