import type { ContainerChangedEvent, ContainerSummary } from '../../runtime/api/index.js';
import type { SliceCreator } from './store.js';

export interface ContainersSlice {
  containers: {
    /** Every container of the current engine, keyed by full id. */
    byId: Record<string, ContainerSummary>;
    /** False until the first full list lands; the page says "Loading…" meanwhile. */
    loaded: boolean;
    /** True while a full `containers.list` is in flight. */
    refreshing: boolean;
    /**
     * Changes that arrived while the list was in flight. Applying them on arrival would let the
     * list overwrite them; dropping them would lose them. They are applied, in order, once the
     * list lands. Host messages arrive in order, so the last change per container wins.
     */
    pending: ContainerChangedEvent[];
    /** What the user typed into "Filter containers". */
    filterText: string;
    /** A full list is about to be requested: buffer changes until `replaceAll`. */
    beginRefresh: () => void;
    /** The full list failed: stop buffering and apply what was buffered to what we have. */
    abortRefresh: () => void;
    replaceAll: (list: readonly ContainerSummary[]) => void;
    applyChange: (event: ContainerChangedEvent) => void;
    setFilterText: (text: string) => void;
  };
}

/** One change applied to a map; returns the same map when nothing changed. */
function patch(byId: Record<string, ContainerSummary>, event: ContainerChangedEvent): Record<string, ContainerSummary> {
  if (event.container === null) {
    if (!(event.containerId in byId)) return byId;
    const next = { ...byId };
    delete next[event.containerId];
    return next;
  }
  return { ...byId, [event.containerId]: event.container };
}

function applyAll(byId: Record<string, ContainerSummary>, events: readonly ContainerChangedEvent[]): Record<string, ContainerSummary> {
  return events.reduce(patch, byId);
}

export const createContainersSlice: SliceCreator<ContainersSlice> = (set) => ({
  containers: {
    byId: {},
    loaded: false,
    refreshing: false,
    pending: [],
    filterText: '',
    beginRefresh: () => set((s) => ({ containers: { ...s.containers, refreshing: true } })),
    abortRefresh: () =>
      set((s) => ({
        containers: { ...s.containers, byId: applyAll(s.containers.byId, s.containers.pending), refreshing: false, pending: [] },
      })),
    replaceAll: (list) =>
      set((s) => {
        const fresh: Record<string, ContainerSummary> = {};
        for (const container of list) fresh[container.id] = container;
        return {
          containers: { ...s.containers, byId: applyAll(fresh, s.containers.pending), loaded: true, refreshing: false, pending: [] },
        };
      }),
    applyChange: (event) =>
      set((s) =>
        s.containers.refreshing
          ? { containers: { ...s.containers, pending: [...s.containers.pending, event] } }
          : { containers: { ...s.containers, byId: patch(s.containers.byId, event) } },
      ),
    setFilterText: (filterText) => set((s) => ({ containers: { ...s.containers, filterText } })),
  },
});
