import { useMemo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { visibleContainers } from './containerFilter.js';

export interface VisibleContainers {
  rows: ContainerSummary[];
  total: number;
  isFiltered: boolean;
}

/** The filtered, sorted rows, recomputed only when the containers or the filter change. */
export function useVisibleContainers(): VisibleContainers {
  const byId = useBerth((s) => s.containers.byId);
  const filterText = useBerth((s) => s.containers.filterText);
  return useMemo(
    () => ({
      rows: visibleContainers(byId, filterText),
      total: Object.keys(byId).length,
      isFiltered: filterText.trim() !== '',
    }),
    [byId, filterText],
  );
}
