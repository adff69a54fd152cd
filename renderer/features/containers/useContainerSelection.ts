import { useMemo } from 'react';
import type { ContainerSummary } from '../../../runtime/api/index.js';
import { itemKey } from '../../stores/itemKey.js';
import { useBerth } from '../../stores/store.js';

export interface ContainerSelection {
  /** The selected containers among the rows shown; hidden or gone ones never count. */
  selected: ContainerSummary[];
  isAllSelected: boolean;
  isSomeSelected: boolean;
  setAllSelected: (isSelected: boolean) => void;
  clear: () => void;
}

/**
 * What is selected, seen through the rows on screen: a bulk action acts only on what the user
 * can see ticked, never on a container the filter hides.
 */
export function useContainerSelection(rows: readonly ContainerSummary[]): ContainerSelection {
  const containerKeys = useBerth((s) => s.selection.containerKeys);
  const setContainersSelected = useBerth((s) => s.selection.setContainersSelected);
  const clear = useBerth((s) => s.selection.clearContainerSelection);
  return useMemo(() => {
    const selected = rows.filter((row) => containerKeys[itemKey(row.engineId, row.id)] === true);
    return {
      selected,
      isAllSelected: rows.length > 0 && selected.length === rows.length,
      isSomeSelected: selected.length > 0 && selected.length < rows.length,
      setAllSelected: (isSelected) => setContainersSelected(rows.map((row) => itemKey(row.engineId, row.id)), isSelected),
      clear,
    };
  }, [rows, containerKeys, setContainersSelected, clear]);
}
