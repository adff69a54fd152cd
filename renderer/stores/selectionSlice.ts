import type { SliceCreator } from './store.js';

export interface SelectionSlice {
  selection: {
    /**
     * Containers ticked on the Containers page, by full id. Ids of containers that have since
     * gone may linger; readers intersect with the rows they show, so a stale id is inert.
     */
    containerIds: Record<string, true>;
    setContainersSelected: (ids: readonly string[], isSelected: boolean) => void;
    clearContainerSelection: () => void;
  };
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selection: {
    containerIds: {},
    setContainersSelected: (ids, isSelected) =>
      set((s) => {
        const containerIds = { ...s.selection.containerIds };
        for (const id of ids) {
          if (isSelected) containerIds[id] = true;
          else delete containerIds[id];
        }
        return { selection: { ...s.selection, containerIds } };
      }),
    clearContainerSelection: () => set((s) => ({ selection: { ...s.selection, containerIds: {} } })),
  },
});
