import { useCallback, useEffect, useState } from 'react';
import type { BerthError, VolumeEntry, VolumeFolderEvent } from '../../../runtime/api/index.js';
import { useClientSource } from '../../app/connectionContext.js';
import { useBerth } from '../../stores/store.js';
import { toBerthError } from '../../transport/callError.js';

export interface FolderEntriesState {
  /**
   * The entries read so far, in the engine's walk order; null before the first arrive. The
   * array grows in place as more arrive: read only the first `count`.
   */
  entries: VolumeEntry[] | null;
  count: number;
  /** The folder is read to its end. */
  isDone: boolean;
  error: BerthError | null;
  reload: () => void;
}

/** What one read of a folder has received; changed in place by each event, once. */
export interface FolderRead {
  entries: VolumeEntry[];
  /** Where each folder entry is, for the totals that grow after it was sent. */
  folderAt: Map<string, number>;
  started: boolean;
  isDone: boolean;
}

export function newFolderRead(): FolderRead {
  return { entries: [], folderAt: new Map(), started: false, isDone: false };
}

/** Adds one event to what was received: new entries at the end, grown folder totals in place (as new objects, so rows see the change). */
export function applyFolderEvent(read: FolderRead, event: VolumeFolderEvent): void {
  read.started = true;
  if (event.type === 'done') {
    read.isDone = true;
    return;
  }
  for (const entry of event.entries) {
    if (entry.type === 'directory') read.folderAt.set(entry.name, read.entries.length);
    read.entries.push(entry);
  }
  for (const folder of event.folders) {
    const index = read.folderAt.get(folder.name);
    const entry = index === undefined ? undefined : read.entries[index];
    if (index !== undefined && entry !== undefined) read.entries[index] = { ...entry, contentBytes: folder.contentBytes, itemCount: folder.itemCount };
  }
}

interface View {
  key: string;
  entries: VolumeEntry[] | null;
  /** How many entries `entries` held when this view was made (the array grows in place). */
  count: number;
  isDone: boolean;
  error: BerthError | null;
}

const emptyView = (key: string): View => ({ key, entries: null, count: 0, isDone: false, error: null });

/**
 * One folder of a volume as `volumes.readFolder` reads it: entries shown as they arrive (a big
 * folder's first screen does not wait for its end), read again on `reload()` and after the link
 * or the engine comes back. Leaving the folder unsubscribes, which stops the engine's read.
 */
export function useFolderEntries(engineId: string, name: string, path: string): FolderEntriesState {
  const clientSource = useClientSource();
  const linkState = useBerth((s) => s.engine.link.state);
  const engineState = useBerth((s) => s.engine.statuses[engineId]?.status.state ?? null);
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([engineId, name, path, generation, linkState, engineState]);
  const [view, setView] = useState<View>(() => emptyView(key));

  useEffect(() => {
    const client = clientSource();
    if (client === null) return;
    const read = newFolderRead();
    const subscription = client.subscribe(
      'volumes.readFolder',
      { name, path },
      {
        onEvent: (event) => {
          applyFolderEvent(read, event);
          setView({ key, entries: read.entries, count: read.entries.length, isDone: read.isDone, error: null });
        },
        onError: (error) => setView((old) => ({ ...(old.key === key ? old : emptyView(key)), error: toBerthError(error) })),
      },
      { engine: engineId },
    );
    return () => subscription.dispose();
  }, [key, engineId, name, path, clientSource]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = view.key === key ? view : emptyView(key);
  return { entries: current.entries, count: current.count, isDone: current.isDone, error: current.error, reload };
}
