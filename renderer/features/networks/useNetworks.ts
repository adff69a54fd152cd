import { useEffect, useMemo } from 'react';
import type { NetworkAttachment } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { filterNetworkRows, networkRows, type NetworkRow } from './networkRows.js';

/** Says, while the calling view is mounted, that it needs networks: the engine feeds list them meanwhile. */
export function useNetworksWanted(): void {
  const want = useBerth((s) => s.networks.want);
  useEffect(() => want(), [want]);
}

export interface VisibleNetworks {
  rows: NetworkRow[];
  /** Networks of the engines shown, before the filter. */
  total: number;
  isFiltered: boolean;
}

/** The filtered, sorted rows of every engine (or of `engineFilter`), recomputed only when the networks or a filter change. */
export function useVisibleNetworks(engineFilter: string | null): VisibleNetworks {
  const byEngine = useBerth((s) => s.networks.byEngine);
  const filterText = useBerth((s) => s.networks.filterText);
  const all = useMemo(() => networkRows(byEngine, engineFilter), [byEngine, engineFilter]);
  const rows = useMemo(() => filterNetworkRows(all, filterText), [all, filterText]);
  return { rows, total: all.length, isFiltered: filterText.trim() !== '' };
}

/** The networks one container is on, live (undefined until the engine's attachments are listed). */
export function useContainerAttachments(engineId: string, containerId: string): NetworkAttachment[] | undefined {
  const attachments = useBerth((s) => s.networks.byEngine[engineId]?.attachments);
  return attachments === null || attachments === undefined ? undefined : (attachments[containerId] ?? []);
}
