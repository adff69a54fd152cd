import type { SliceCreator } from './store.js';

export interface SelectionSlice {
  selection: {
    /**
     * Containers ticked on the Containers page, by item key (`itemKey(engineId, id)`: the same
     * id may exist on two engines). Keys of containers that have since gone may linger; readers
     * intersect with the rows they show, so a stale key is inert.
     */
    containerKeys: Record<string, true>;
    setContainersSelected: (keys: readonly string[], isSelected: boolean) => void;
    clearContainerSelection: () => void;
  };
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  selection: {
    containerKeys: {},
    setContainersSelected: (keys, isSelected) =>
      set((s) => {
        const containerKeys = { ...s.selection.containerKeys };
        for (const key of keys) {
          if (isSelected) containerKeys[key] = true;
          else delete containerKeys[key];
        }
        return { selection: { ...s.selection, containerKeys } };
      }),
    clearContainerSelection: () => set((s) => ({ selection: { ...s.selection, containerKeys: {} } })),
  },
});
