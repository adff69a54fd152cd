import { useMemo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { useBerth } from '../../stores/store.js';
import { containersOf, visibleContainers } from './containerFilter.js';

export interface VisibleContainers {
  rows: ContainerSummary[];
  /** Containers of the engines shown (every engine, or the one the engine filter names). */
  total: number;
  isFiltered: boolean;
}

/** The filtered, sorted rows of every engine (or of `engineFilter`), recomputed only when a list or a filter changes. */
export function useVisibleContainers(engineFilter: string | null): VisibleContainers {
  const byEngine = useBerth((s) => s.containers.byEngine);
  const filterText = useBerth((s) => s.containers.filterText);
  return useMemo(() => {
    const shown = containersOf(byEngine, engineFilter);
    return { rows: visibleContainers(shown, filterText), total: Object.keys(shown).length, isFiltered: filterText.trim() !== '' };
  }, [byEngine, filterText, engineFilter]);
}
